import { apiRoute } from "@/lib/api/endpoint";
import { rotateSecretEndpoint } from "@/lib/api/endpoints/integrations";
import { requireIntegrationRole } from "@/lib/server/queries/integrations";
import { requestBaseUrl } from "@/lib/server/public-url";
import { rotateIntegrationSecret } from "@/lib/server/services/integrations";

export const POST = apiRoute(rotateSecretEndpoint, async ({ actor, params, req }) =>
  rotateIntegrationSecret(await requireIntegrationRole(actor, params.id, "ADMIN"), requestBaseUrl(req)),
);
