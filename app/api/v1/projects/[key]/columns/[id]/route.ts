import { apiRoute } from "@/lib/api/endpoint";
import { deleteColumnEndpoint, updateColumnEndpoint } from "@/lib/api/endpoints/board";
import { requireProjectRole } from "@/lib/server/authz";
import { columnForApi, deleteColumn, updateColumn } from "@/lib/server/services/columns";

export const PATCH = apiRoute(updateColumnEndpoint, async ({ actor, params, body }) =>
  columnForApi(await updateColumn(await requireProjectRole(actor, params.key, "PRODUCT_OWNER"), actor.userId, params.id, body)),
);
export const DELETE = apiRoute(deleteColumnEndpoint, async ({ actor, params, query, body }) =>
  deleteColumn(await requireProjectRole(actor, params.key, "PRODUCT_OWNER"), actor.userId, params.id, body.moveCardsTo ?? query.moveCardsTo),
);
