import { apiRoute } from "@/lib/api/endpoint";
import { getProjectEndpoint } from "@/lib/api/endpoints/core";
import { getProject } from "@/lib/server/queries/projects";

export const GET = apiRoute(getProjectEndpoint, ({ actor, params }) => getProject(actor, params.key));
