import { apiRoute } from "@/lib/api/endpoint";
import { createTokenEndpoint, listTokensEndpoint } from "@/lib/api/endpoints/core";
import { createApiToken, listApiTokens } from "@/lib/server/services/api-tokens";

export const GET = apiRoute(listTokensEndpoint, async ({ actor }) => ({ tokens: await listApiTokens(actor) }));
export const POST = apiRoute(createTokenEndpoint, ({ actor, body }) => createApiToken(actor, body.name));
