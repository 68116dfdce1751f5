import { apiRoute } from "@/lib/api/endpoint";
import { addItemEndpoint } from "@/lib/api/endpoints/dod";
import { requireCardRole } from "@/lib/server/authz";
import { cardChecklist } from "@/lib/server/queries/dod";
import { addCardItem } from "@/lib/server/services/dod";

export const POST = apiRoute(addItemEndpoint, async ({ actor, params, body }) => {
  const access = await requireCardRole(actor, params.cardKey, "MEMBER");
  await addCardItem(access, actor.userId, body.text);
  return cardChecklist(access.cardId);
});
