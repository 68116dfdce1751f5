import { apiRoute } from "@/lib/api/endpoint";
import { completeSprintEndpoint } from "@/lib/api/endpoints/backlog";
import { requireSprintRole } from "@/lib/server/queries/sprints";
import { completeSprint } from "@/lib/server/services/sprints";

export const POST = apiRoute(completeSprintEndpoint, async ({ actor, params, body }) =>
  completeSprint(await requireSprintRole(actor, params.id, "PRODUCT_OWNER"), actor.userId, params.id, body),
);
