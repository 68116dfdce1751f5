import { apiRoute } from "@/lib/api/endpoint";
import { forecastEndpoint } from "@/lib/api/endpoints/reports";
import { requireProjectRole } from "@/lib/server/authz";
import { forecast } from "@/lib/server/services/reports";

export const GET = apiRoute(forecastEndpoint, async ({ actor, params, query }) => forecast(await requireProjectRole(actor, params.key, "VIEWER"), query));
