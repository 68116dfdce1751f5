import { apiRoute } from "@/lib/api/endpoint";
import { createProjectEndpoint, listProjectsEndpoint } from "@/lib/api/endpoints/core";
import { getProject, listProjects } from "@/lib/server/queries/projects";
import { wakeImportWorker } from "@/lib/server/import-queue";
import { createProjectFromImport } from "@/lib/server/services/imports";
import { createProject } from "@/lib/server/services/projects";

export const GET = apiRoute(listProjectsEndpoint, async ({ actor, query }) => ({ projects: await listProjects(actor, query.teamId) }));
export const POST = apiRoute(createProjectEndpoint, async ({ actor, body }) => {
  const { import: upload, ...input } = body;
  if (!upload) return getProject(actor, (await createProject(actor, input)).key);
  const started = await createProjectFromImport(actor, input, upload);
  void wakeImportWorker();
  return Response.json({ ...(await getProject(actor, started.project.key)), import: started.import }, { status: 201 });
});
