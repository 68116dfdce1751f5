import { apiRoute } from "@/lib/api/endpoint";
import { exportEndpoint } from "@/lib/api/endpoints/imports";
import { requireProjectRole } from "@/lib/server/authz";
import { exportProjectCsv, exportProjectJson } from "@/lib/server/services/export";

export const GET = apiRoute(exportEndpoint, async ({ actor, params, query }) => {
  const access = await requireProjectRole(actor, params.key, "MEMBER");
  const csv = query.format === "csv";
  const chunks = csv ? exportProjectCsv(access) : exportProjectJson(access);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const file = `${access.projectKey.toLowerCase()}.${csv ? "csv" : "shipboard.json"}`;
  return new Response(body, {
    headers: { "content-type": csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8", "content-disposition": `attachment; filename="${file}"` },
  });
});
