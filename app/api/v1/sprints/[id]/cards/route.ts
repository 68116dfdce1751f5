import { apiRoute } from "@/lib/api/endpoint";
import { addSprintCardsEndpoint, removeSprintCardsEndpoint } from "@/lib/api/endpoints/backlog";
import { requireSprintRole } from "@/lib/server/queries/sprints";
import { planCards } from "@/lib/server/services/backlog";

export const POST = apiRoute(addSprintCardsEndpoint, async ({ actor, params, body }) =>
  planCards(await requireSprintRole(actor, params.id, "MEMBER"), actor.userId, { sprintId: params.id, cardKeys: body.cardKeys, override: body.override }),
);
export const DELETE = apiRoute(removeSprintCardsEndpoint, async ({ actor, params, body }) =>
  planCards(await requireSprintRole(actor, params.id, "MEMBER"), actor.userId, { sprintId: null, cardKeys: body.cardKeys }, params.id),
);
