import { apiRoute } from "@/lib/api/endpoint";
import { deleteSprintEndpoint, getSprintEndpoint, updateSprintEndpoint } from "@/lib/api/endpoints/backlog";
import { getSprint, requireSprintRole } from "@/lib/server/queries/sprints";
import { deleteSprint, updateSprint } from "@/lib/server/services/sprints";

export const GET = apiRoute(getSprintEndpoint, async ({ actor, params }) => getSprint(await requireSprintRole(actor, params.id, "VIEWER"), params.id));
export const PATCH = apiRoute(updateSprintEndpoint, async ({ actor, params, body }) => updateSprint(await requireSprintRole(actor, params.id, "PRODUCT_OWNER"), params.id, body));
export const DELETE = apiRoute(deleteSprintEndpoint, async ({ actor, params }) => deleteSprint(await requireSprintRole(actor, params.id, "PRODUCT_OWNER"), params.id));
