import { apiRoute } from "@/lib/api/endpoint";
import { reprocessDeliveryEndpoint } from "@/lib/api/endpoints/integrations";
import { requireDeliveryRole } from "@/lib/server/queries/integrations";
import { reprocessDelivery } from "@/lib/server/services/integrations";

export const POST = apiRoute(reprocessDeliveryEndpoint, async ({ actor, params }) => reprocessDelivery(await requireDeliveryRole(actor, params.id, "ADMIN")));
