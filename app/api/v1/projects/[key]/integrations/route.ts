import { apiRoute } from "@/lib/api/endpoint";
import { createIntegrationEndpoint, listIntegrationsEndpoint } from "@/lib/api/endpoints/integrations";
import { requireProjectRole } from "@/lib/server/authz";
import { listIntegrations, publicBaseUrl } from "@/lib/server/queries/integrations";
import { createIntegration } from "@/lib/server/services/integrations";

export const GET = apiRoute(listIntegrationsEndpoint, async ({ actor, params, req }) => ({
  integrations: await listIntegrations(await requireProjectRole(actor, params.key, "ADMIN"), publicBaseUrl(new URL(req.url).origin)),
}));
export const POST = apiRoute(createIntegrationEndpoint, async ({ actor, params, body, req }) =>
  createIntegration(await requireProjectRole(actor, params.key, "ADMIN"), body, publicBaseUrl(new URL(req.url).origin)),
);
