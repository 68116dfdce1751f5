import { apiRoute } from "@/lib/api/endpoint";
import { deleteIntegrationEndpoint } from "@/lib/api/endpoints/integrations";
import { requireIntegrationRole } from "@/lib/server/queries/integrations";
import { deleteIntegration } from "@/lib/server/services/integrations";

export const DELETE = apiRoute(deleteIntegrationEndpoint, async ({ actor, params }) => {
  await deleteIntegration(await requireIntegrationRole(actor, params.id, "ADMIN"));
  return { ok: true };
});
