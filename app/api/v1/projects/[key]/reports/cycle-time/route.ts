import { apiRoute } from "@/lib/api/endpoint";
import { cycleTimeEndpoint } from "@/lib/api/endpoints/reports";
import { requireProjectRole } from "@/lib/server/authz";
import { cycleTime } from "@/lib/server/services/reports";

export const GET = apiRoute(cycleTimeEndpoint, async ({ actor, params, query }) => cycleTime(await requireProjectRole(actor, params.key, "VIEWER"), query));
