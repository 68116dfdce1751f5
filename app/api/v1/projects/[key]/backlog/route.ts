import { apiRoute } from "@/lib/api/endpoint";
import { getBacklogEndpoint } from "@/lib/api/endpoints/backlog";
import { requireProjectRole } from "@/lib/server/authz";
import { getBacklog } from "@/lib/server/queries/backlog";
import { listSprints } from "@/lib/server/queries/sprints";

export const GET = apiRoute(getBacklogEndpoint, async ({ actor, params, query }) => {
  const access = await requireProjectRole(actor, params.key, "VIEWER");
  const [backlog, sprints] = await Promise.all([getBacklog(access, query), listSprints(access, "planned")]);
  return { ...backlog, sprints };
});
