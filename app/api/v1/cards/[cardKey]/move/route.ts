import { apiRoute } from "@/lib/api/endpoint";
import { moveCardEndpoint } from "@/lib/api/endpoints/board";
import { requireCardRole } from "@/lib/server/authz";
import { moveCard } from "@/lib/server/services/board";

export const POST = apiRoute(moveCardEndpoint, async ({ actor, params, body }) => moveCard(await requireCardRole(actor, params.cardKey, "MEMBER"), actor.userId, body));
