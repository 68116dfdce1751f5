import { apiRoute } from "@/lib/api/endpoint";
import { createIntegrationEndpoint, listIntegrationsEndpoint } from "@/lib/api/endpoints/integrations";
import { requireProjectRole } from "@/lib/server/authz";
import { listIntegrations } from "@/lib/server/queries/integrations";
import { requestBaseUrl } from "@/lib/server/public-url";
import { createIntegration } from "@/lib/server/services/integrations";

export const GET = apiRoute(listIntegrationsEndpoint, async ({ actor, params, req }) => ({
  integrations: await listIntegrations(await requireProjectRole(actor, params.key, "ADMIN"), requestBaseUrl(req)),
}));
export const POST = apiRoute(createIntegrationEndpoint, async ({ actor, params, body, req }) =>
  createIntegration(await requireProjectRole(actor, params.key, "ADMIN"), body, requestBaseUrl(req)),
);
