import { apiRoute } from "@/lib/api/endpoint";
import { getCardEndpoint, updateCardEndpoint } from "@/lib/api/endpoints/core";
import { requireCardRole } from "@/lib/server/authz";
import { cardHistory, loadCardDto } from "@/lib/server/queries/cards";
import { cardChecklist } from "@/lib/server/queries/dod";
import { cardPipeline } from "@/lib/server/queries/pipeline";
import { updateCard } from "@/lib/server/services/cards";

export const GET = apiRoute(getCardEndpoint, async ({ actor, params }) => {
  const access = await requireCardRole(actor, params.cardKey, "VIEWER");
  const [card, history, pipeline, dod] = await Promise.all([loadCardDto(access.cardId), cardHistory(access.cardId), cardPipeline(access.cardId), cardChecklist(access.cardId)]);
  return { ...card, history, pipeline, dod };
});
export const PATCH = apiRoute(updateCardEndpoint, async ({ actor, params, body }) => updateCard(await requireCardRole(actor, params.cardKey, "MEMBER"), actor.userId, body));
