import { apiRoute } from "@/lib/api/endpoint";
import { getDeliveryEndpoint } from "@/lib/api/endpoints/integrations";
import { getDelivery, requireDeliveryRole } from "@/lib/server/queries/integrations";

export const GET = apiRoute(getDeliveryEndpoint, async ({ actor, params }) => getDelivery(await requireDeliveryRole(actor, params.id, "ADMIN")));
