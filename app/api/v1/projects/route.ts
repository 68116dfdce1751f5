import { apiRoute } from "@/lib/api/endpoint";
import { createProjectEndpoint, listProjectsEndpoint } from "@/lib/api/endpoints/core";
import { getProject, listProjects } from "@/lib/server/queries/projects";
import { createProject } from "@/lib/server/services/projects";

export const GET = apiRoute(listProjectsEndpoint, async ({ actor, query }) => ({ projects: await listProjects(actor, query.teamId) }));
export const POST = apiRoute(createProjectEndpoint, async ({ actor, body }) => {
  const project = await createProject(actor, body);
  return getProject(actor, project.key);
});
