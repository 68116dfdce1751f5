import { apiRoute } from "@/lib/api/endpoint";
import { getAutomationEndpoint, putAutomationEndpoint } from "@/lib/api/endpoints/dod";
import { requireProjectRole } from "@/lib/server/authz";
import { getAutomationRules } from "@/lib/server/queries/dod";
import { saveAutomationRules } from "@/lib/server/services/automation";

export const GET = apiRoute(getAutomationEndpoint, async ({ actor, params }) => getAutomationRules((await requireProjectRole(actor, params.key, "VIEWER")).projectId));
export const PUT = apiRoute(putAutomationEndpoint, async ({ actor, params, body }) => {
  const access = await requireProjectRole(actor, params.key, "PRODUCT_OWNER");
  await saveAutomationRules(access, body);
  return getAutomationRules(access.projectId);
});
