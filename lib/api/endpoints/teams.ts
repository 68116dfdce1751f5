// Teams: members, their roles, invitations, and the team's name.
import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";
import { changeRoleSchema, inviteSchema, renameTeamSchema, teamInvitationParams, teamMemberParams, teamParams } from "@/lib/validation/teams";
import { defineEndpoint } from "../endpoint";

const role = z.enum(ROLES);
const invitation = z.object({ id: z.string(), email: z.string(), role, expiresAt: z.string() });
const member = z.object({ id: z.string(), name: z.string(), email: z.string(), role });

export const renameTeamEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/teams/{teamId}",
  summary: "Rename the team (admin or owner)",
  tag: "Teams",
  role: "ADMIN",
  params: teamParams,
  body: renameTeamSchema,
  response: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
  example: { name: "Checkout squad" },
});

export const listMembersEndpoint = defineEndpoint({
  method: "GET",
  path: "/teams/{teamId}/members",
  summary: "Members of the team with their roles",
  tag: "Teams",
  role: "VIEWER",
  params: teamParams,
  response: z.object({ members: z.array(member) }),
});
export const changeMemberRoleEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/teams/{teamId}/members/{userId}",
  summary: "Change a member's role. Admins manage roles below admin; only an owner changes an admin's or owner's role or grants them; the last owner stays (409 LAST_OWNER)",
  tag: "Teams",
  role: "ADMIN",
  params: teamMemberParams,
  body: changeRoleSchema,
  example: { role: "PRODUCT_OWNER" },
});
export const removeMemberEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/teams/{teamId}/members/{userId}",
  summary: "Remove a member from the team. Only an owner removes an admin or owner; the last owner stays (409 LAST_OWNER)",
  tag: "Teams",
  role: "ADMIN",
  params: teamMemberParams,
});

export const listInvitationsEndpoint = defineEndpoint({
  method: "GET",
  path: "/teams/{teamId}/invitations",
  summary: "Pending invitations of the team (never their links)",
  tag: "Teams",
  role: "ADMIN",
  params: teamParams,
  response: z.object({ invitations: z.array(invitation) }),
});
export const createInvitationEndpoint = defineEndpoint({
  method: "POST",
  path: "/teams/{teamId}/invitations",
  summary: "Invite someone by email; the one-time link (`url`) is returned once and expires in 7 days. Shipboard sends no email",
  tag: "Teams",
  role: "ADMIN",
  params: teamParams,
  body: inviteSchema,
  status: 201,
  response: invitation.extend({ url: z.string() }),
  example: { email: "dev@example.com", role: "MEMBER" },
});
export const revokeInvitationEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/teams/{teamId}/invitations/{id}",
  summary: "Revoke a pending invitation; its link stops working",
  tag: "Teams",
  role: "ADMIN",
  params: teamInvitationParams,
});

export const teamEndpoints = [
  renameTeamEndpoint,
  listMembersEndpoint,
  changeMemberRoleEndpoint,
  removeMemberEndpoint,
  listInvitationsEndpoint,
  createInvitationEndpoint,
  revokeInvitationEndpoint,
];
