import { apiRoute } from "@/lib/api/endpoint";
import { startSprintEndpoint } from "@/lib/api/endpoints/backlog";
import { requireSprintRole } from "@/lib/server/queries/sprints";
import { startSprint } from "@/lib/server/services/sprints";

export const POST = apiRoute(startSprintEndpoint, async ({ actor, params }) => startSprint(await requireSprintRole(actor, params.id, "PRODUCT_OWNER"), actor.userId, params.id));
