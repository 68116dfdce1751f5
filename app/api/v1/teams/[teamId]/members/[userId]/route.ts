import { apiRoute } from "@/lib/api/endpoint";
import { changeMemberRoleEndpoint, removeMemberEndpoint } from "@/lib/api/endpoints/teams";
import { changeMemberRole, removeMember } from "@/lib/server/services/teams";

export const PATCH = apiRoute(changeMemberRoleEndpoint, async ({ actor, params, body }) => {
  await changeMemberRole(actor, params.teamId, params.userId, body.role);
});
export const DELETE = apiRoute(removeMemberEndpoint, async ({ actor, params }) => {
  await removeMember(actor, params.teamId, params.userId);
});
