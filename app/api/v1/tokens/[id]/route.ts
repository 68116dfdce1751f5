import { apiRoute } from "@/lib/api/endpoint";
import { revokeTokenEndpoint } from "@/lib/api/endpoints/core";
import { revokeApiToken } from "@/lib/server/services/api-tokens";

export const DELETE = apiRoute(revokeTokenEndpoint, async ({ actor, params }) => {
  await revokeApiToken(actor, params.id);
  return { ok: true };
});
