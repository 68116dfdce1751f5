import { apiRoute } from "@/lib/api/endpoint";
import { rankCardEndpoint } from "@/lib/api/endpoints/backlog";
import { requireCardRole } from "@/lib/server/authz";
import { rankCards } from "@/lib/server/services/backlog";

export const POST = apiRoute(rankCardEndpoint, async ({ actor, params, body }) => {
  const access = await requireCardRole(actor, params.cardKey, "PRODUCT_OWNER");
  const [ranked] = await rankCards(access, { ...body, cardKeys: [access.cardKey] });
  return ranked;
});
