import { apiRoute } from "@/lib/api/endpoint";
import { listMembersEndpoint } from "@/lib/api/endpoints/teams";
import { listMembers } from "@/lib/server/queries/projects";

export const GET = apiRoute(listMembersEndpoint, async ({ actor, params }) => ({ members: await listMembers(actor, params.teamId) }));
