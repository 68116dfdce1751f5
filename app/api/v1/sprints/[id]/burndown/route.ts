import { apiRoute } from "@/lib/api/endpoint";
import { burndownEndpoint } from "@/lib/api/endpoints/reports";
import { requireSprintRole } from "@/lib/server/queries/sprints";
import { burndown } from "@/lib/server/services/reports";

export const GET = apiRoute(burndownEndpoint, async ({ actor, params, query }) => burndown(await requireSprintRole(actor, params.id, "VIEWER"), params.id, query));
