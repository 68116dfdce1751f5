import { apiRoute } from "@/lib/api/endpoint";
import { rotateSecretEndpoint } from "@/lib/api/endpoints/integrations";
import { publicBaseUrl, requireIntegrationRole } from "@/lib/server/queries/integrations";
import { rotateIntegrationSecret } from "@/lib/server/services/integrations";

export const POST = apiRoute(rotateSecretEndpoint, async ({ actor, params, req }) =>
  rotateIntegrationSecret(await requireIntegrationRole(actor, params.id, "ADMIN"), publicBaseUrl(new URL(req.url).origin)),
);
