import { apiRoute } from "@/lib/api/endpoint";
import { listDeliveriesEndpoint } from "@/lib/api/endpoints/integrations";
import { listDeliveries, requireIntegrationRole } from "@/lib/server/queries/integrations";

export const GET = apiRoute(listDeliveriesEndpoint, async ({ actor, params, query }) =>
  listDeliveries(await requireIntegrationRole(actor, params.id, "ADMIN"), query),
);
