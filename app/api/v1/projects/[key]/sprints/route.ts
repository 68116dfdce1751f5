import { apiRoute } from "@/lib/api/endpoint";
import { createSprintEndpoint, listSprintsEndpoint } from "@/lib/api/endpoints/backlog";
import { requireProjectRole } from "@/lib/server/authz";
import { listSprints } from "@/lib/server/queries/sprints";
import { createSprint } from "@/lib/server/services/sprints";

export const GET = apiRoute(listSprintsEndpoint, async ({ actor, params, query }) => ({
  sprints: await listSprints(await requireProjectRole(actor, params.key, "VIEWER"), query.state),
}));
export const POST = apiRoute(createSprintEndpoint, async ({ actor, params, body }) => createSprint(await requireProjectRole(actor, params.key, "PRODUCT_OWNER"), body));
