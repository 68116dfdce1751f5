import { apiRoute } from "@/lib/api/endpoint";
import { getBoardEndpoint, updateBoardEndpoint } from "@/lib/api/endpoints/board";
import { requireProjectRole } from "@/lib/server/authz";
import { boardForApi, getBoard, projectForApi } from "@/lib/server/queries/board";
import { updateBoardSettings } from "@/lib/server/services/board-settings";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getBoardEndpoint, async ({ actor, params, query }) => {
  const access = await requireProjectRole(actor, params.key, "VIEWER");
  return boardForApi(await getBoard(access, { ...query, mine: query.mine ? actor.userId : undefined }));
});
export const PATCH = apiRoute(updateBoardEndpoint, async ({ actor, params, body }) =>
  projectForApi(await updateBoardSettings(await requireProjectRole(actor, params.key, "PRODUCT_OWNER"), body)),
);
