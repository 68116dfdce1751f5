import { apiRoute } from "@/lib/api/endpoint";
import { createCardEndpoint, listCardsEndpoint } from "@/lib/api/endpoints/core";
import { requireProjectRole } from "@/lib/server/authz";
import { listCards } from "@/lib/server/queries/cards";
import { createCard } from "@/lib/server/services/cards";

export const GET = apiRoute(listCardsEndpoint, async ({ actor, params, query }) => listCards(await requireProjectRole(actor, params.key, "VIEWER"), query));
export const POST = apiRoute(createCardEndpoint, async ({ actor, params, body }) => createCard(await requireProjectRole(actor, params.key, "MEMBER"), actor.userId, body));
