import { apiRoute } from "@/lib/api/endpoint";
import { getDodEndpoint, putDodEndpoint } from "@/lib/api/endpoints/dod";
import { requireProjectRole } from "@/lib/server/authz";
import { getDefinition } from "@/lib/server/queries/dod";
import { saveDefinition } from "@/lib/server/services/dod";

export const GET = apiRoute(getDodEndpoint, async ({ actor, params }) => getDefinition((await requireProjectRole(actor, params.key, "VIEWER")).projectId));
export const PUT = apiRoute(putDodEndpoint, async ({ actor, params, body }) => {
  const access = await requireProjectRole(actor, params.key, "PRODUCT_OWNER");
  await saveDefinition(access, body);
  return getDefinition(access.projectId);
});
