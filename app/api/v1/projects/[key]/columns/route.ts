import { apiRoute } from "@/lib/api/endpoint";
import { createColumnEndpoint } from "@/lib/api/endpoints/board";
import { requireProjectRole } from "@/lib/server/authz";
import { columnForApi, createColumn } from "@/lib/server/services/columns";

export const POST = apiRoute(createColumnEndpoint, async ({ actor, params, body }) =>
  columnForApi(await createColumn(await requireProjectRole(actor, params.key, "PRODUCT_OWNER"), body)),
);
