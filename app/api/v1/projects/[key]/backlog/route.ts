import { apiRoute } from "@/lib/api/endpoint";
import { getBacklogEndpoint } from "@/lib/api/endpoints/backlog";
import { requireProjectRole } from "@/lib/server/authz";
import { backlogJson } from "@/lib/server/queries/backlog";
import { listSprints } from "@/lib/server/queries/sprints";

export const GET = apiRoute(getBacklogEndpoint, async ({ actor, params, query }) => {
  const access = await requireProjectRole(actor, params.key, "VIEWER");
  const [backlog, sprints] = await Promise.all([backlogJson(access, query), listSprints(access, "planned")]);
  // The cards arrive as JSON text from PostgreSQL; splice it in rather than parse and re-serialise.
  const body = `{"cards":${backlog.cards},"hasMore":${backlog.hasMore},"total":${backlog.total},"sprints":${JSON.stringify(sprints)}}`;
  return new Response(body, { headers: { "content-type": "application/json" } });
});
