import { apiRoute } from "@/lib/api/endpoint";
import { cumulativeFlowEndpoint } from "@/lib/api/endpoints/reports";
import { requireProjectRole } from "@/lib/server/authz";
import { cumulativeFlow } from "@/lib/server/services/reports";

export const GET = apiRoute(cumulativeFlowEndpoint, async ({ actor, params, query }) => cumulativeFlow(await requireProjectRole(actor, params.key, "VIEWER"), query));
