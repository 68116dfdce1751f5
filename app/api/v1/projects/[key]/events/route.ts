import { apiRoute } from "@/lib/api/endpoint";
import { boardEventsEndpoint } from "@/lib/api/endpoints/board";
import { requireProjectRole } from "@/lib/server/authz";
import { boardEventStream, lastEventIdOf } from "@/lib/server/event-stream";

export const dynamic = "force-dynamic";

export const GET = apiRoute(boardEventsEndpoint, async ({ req, actor, params, query }) => {
  const access = await requireProjectRole(actor, params.key, "VIEWER");
  return boardEventStream(access.projectId, lastEventIdOf(req, query.lastEventId), req.signal);
});
