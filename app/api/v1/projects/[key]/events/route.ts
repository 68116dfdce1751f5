import { apiRoute } from "@/lib/api/endpoint";
import { boardEventsEndpoint } from "@/lib/api/endpoints/board";
import { authenticate } from "@/lib/server/authenticate";
import { requireProjectRole } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { boardEventStream, lastEventIdOf } from "@/lib/server/event-stream";

export const dynamic = "force-dynamic";

export const GET = apiRoute(boardEventsEndpoint, async ({ req, actor, params, query }) => {
  const access = await requireProjectRole(actor, params.key, "VIEWER");
  // The same checks as at the start, again: a revoked token, an ended session or a lost membership
  // ends the stream. A database hiccup (a thrown non-AppError) does not.
  const stillAllowed = () =>
    authenticate(req)
      .then((again) => requireProjectRole(again, params.key, "VIEWER"))
      .then(
        () => true,
        (error) => (error instanceof AppError ? false : Promise.reject(error)),
      );
  return boardEventStream(access.projectId, lastEventIdOf(req, query.lastEventId), req.signal, stillAllowed);
});
