import { apiRoute } from "@/lib/api/endpoint";
import { listTeamsEndpoint } from "@/lib/api/endpoints/core";
import { listTeams } from "@/lib/server/queries/projects";

export const GET = apiRoute(listTeamsEndpoint, async ({ actor }) => ({ teams: await listTeams(actor) }));
