import { apiRoute } from "@/lib/api/endpoint";
import { createInvitationEndpoint, listInvitationsEndpoint } from "@/lib/api/endpoints/teams";
import { listInvitations } from "@/lib/server/queries/projects";
import { requestBaseUrl } from "@/lib/server/public-url";
import { inviteMember } from "@/lib/server/services/teams";

export const GET = apiRoute(listInvitationsEndpoint, async ({ actor, params }) => ({ invitations: await listInvitations(actor, params.teamId) }));
export const POST = apiRoute(createInvitationEndpoint, async ({ actor, params, body, req }) => {
  const { id, email, role, expiresAt, path } = await inviteMember(actor, params.teamId, body);
  return { id, email, role, expiresAt: expiresAt.toISOString(), url: `${requestBaseUrl(req)}${path}` };
});
