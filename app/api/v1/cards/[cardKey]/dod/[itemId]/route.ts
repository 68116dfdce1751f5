import { apiRoute } from "@/lib/api/endpoint";
import { tickItemEndpoint } from "@/lib/api/endpoints/dod";
import { requireCardRole } from "@/lib/server/authz";
import { cardChecklist } from "@/lib/server/queries/dod";
import { tickItem } from "@/lib/server/services/dod";

export const POST = apiRoute(tickItemEndpoint, async ({ actor, params, body }) => {
  const access = await requireCardRole(actor, params.cardKey, "MEMBER");
  await tickItem(access, actor.userId, params.itemId, body.done);
  return cardChecklist(access.cardId);
});
