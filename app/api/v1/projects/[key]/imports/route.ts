import { apiRoute } from "@/lib/api/endpoint";
import { createImportEndpoint } from "@/lib/api/endpoints/imports";
import { requireProjectRole } from "@/lib/server/authz";
import { wakeImportWorker } from "@/lib/server/import-queue";
import { createImport } from "@/lib/server/services/imports";

export const POST = apiRoute(createImportEndpoint, async ({ actor, params, body }) => {
  const access = await requireProjectRole(actor, params.key, "PRODUCT_OWNER");
  const started = await createImport(access, actor.userId, body);
  if (!body.dryRun) void wakeImportWorker();
  return Response.json(started, { status: 202 });
});
