import { apiRoute } from "@/lib/api/endpoint";
import { renameTeamEndpoint } from "@/lib/api/endpoints/teams";
import { renameTeam } from "@/lib/server/services/teams";

export const PATCH = apiRoute(renameTeamEndpoint, async ({ actor, params, body }) => renameTeam(actor, params.teamId, body.name));
