import { apiRoute } from "@/lib/api/endpoint";
import { cardDeliveryEndpoint } from "@/lib/api/endpoints/reports";
import { requireCardRole } from "@/lib/server/authz";
import { cardDeliveryReport } from "@/lib/server/services/delivery/report";

export const GET = apiRoute(cardDeliveryEndpoint, async ({ actor, params }) => cardDeliveryReport(await requireCardRole(actor, params.cardKey, "VIEWER")));
