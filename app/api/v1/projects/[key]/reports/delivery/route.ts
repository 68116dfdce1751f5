import { apiRoute } from "@/lib/api/endpoint";
import { deliveryEndpoint } from "@/lib/api/endpoints/reports";
import { requireProjectRole } from "@/lib/server/authz";
import { deliveryReport } from "@/lib/server/services/delivery/report";

export const GET = apiRoute(deliveryEndpoint, async ({ actor, params, query }) => deliveryReport(await requireProjectRole(actor, params.key, "VIEWER"), query));
