import { apiRoute } from "@/lib/api/endpoint";
import { revokeInvitationEndpoint } from "@/lib/api/endpoints/teams";
import { revokeInvitation } from "@/lib/server/services/teams";

export const DELETE = apiRoute(revokeInvitationEndpoint, async ({ actor, params }) => {
  await revokeInvitation(actor, params.teamId, params.id);
});
