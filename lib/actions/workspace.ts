"use server";
// Teams, invitations, projects and API tokens from the UI.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireTeamRole } from "@/lib/server/authz";
import { currentActor } from "@/lib/server/session";
import { createApiToken, revokeApiToken } from "@/lib/server/services/api-tokens";
import { createProject } from "@/lib/server/services/projects";
import { acceptInvitation, changeMemberRole, createTeam, inviteMember, removeMember, renameTeam, revokeInvitation } from "@/lib/server/services/teams";
import { createProjectSchema } from "@/lib/validation/projects";
import { idSchema, parseInput } from "@/lib/validation/common";
import { changeRoleSchema, createTeamSchema, createTokenSchema, inviteSchema, renameTeamSchema, teamInvitationParams, teamMemberParams, teamParams } from "@/lib/validation/teams";
import { attempt, formFields, invalid, submittedValues, type ActionResult } from "./result";
import { TEAM_COOKIE } from "@/lib/server/current-team";

/** Shows another of the caller's teams; a team they are not in is "not found", and nothing changes. */
export async function switchTeamAction(teamId: string): Promise<ActionResult> {
  const actor = await currentActor();
  const parsed = parseInput(idSchema, teamId);
  if (!parsed.success) return invalid(parsed.error.issues);
  const member = await attempt(() => requireTeamRole(actor, parsed.data, "VIEWER"));
  if (!member.ok) return member;
  (await cookies()).set(TEAM_COOKIE, parsed.data, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 24 * 3600 });
  revalidatePath("/", "layout");
  return { ok: true, data: undefined };
}

export async function createTeamAction(_previous: ActionResult<{ id: string }> | null, formData: FormData): Promise<ActionResult<{ id: string }>> {
  const actor = await currentActor();
  const parsed = parseInput(createTeamSchema, { name: formData.get("name") });
  if (!parsed.success) return invalid(parsed.error.issues);
  const team = await createTeam(actor, parsed.data.name);
  (await cookies()).set(TEAM_COOKIE, team.id, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 24 * 3600 });
  revalidatePath("/", "layout");
  return { ok: true, data: { id: team.id } };
}

export async function createProjectAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await currentActor();
  const values = submittedValues(formData);
  const parsed = parseInput(createProjectSchema, { ...formFields(formData, ["key", "name", "teamId", "mode"]), description: formData.get("description") || undefined });
  if (!parsed.success) return { ...invalid(parsed.error.issues), values };
  const result = await attempt(() => createProject(actor, parsed.data));
  if (!result.ok) return { ...result, values, ...(result.code === "PROJECT_KEY_TAKEN" && { fieldErrors: { key: result.message } }) };
  revalidatePath("/", "layout");
  redirect(`/${result.data.key}/board`);
}

export async function inviteAction(teamId: string, _previous: unknown, formData: FormData): Promise<ActionResult<{ link: string; email: string; expiresAt: string }>> {
  const actor = await currentActor();
  const values = submittedValues(formData);
  const parsed = parseInput(inviteSchema, formFields(formData, ["email", "role"]));
  if (!parsed.success) return { ...invalid(parsed.error.issues), values };
  const result = await attempt(() => inviteMember(actor, teamId, parsed.data));
  if (!result.ok) return { ...result, values };
  revalidatePath("/settings/team");
  return { ok: true, data: { link: result.data.path, email: result.data.email, expiresAt: result.data.expiresAt.toISOString() } };
}

export async function revokeInvitationAction(teamId: string, invitationId: string): Promise<ActionResult> {
  const actor = await currentActor();
  const parsed = parseInput(teamInvitationParams, { teamId, id: invitationId });
  if (!parsed.success) return invalid(parsed.error.issues);
  const result = await attempt(() => revokeInvitation(actor, parsed.data.teamId, parsed.data.id));
  revalidatePath("/settings/team");
  return result.ok ? { ok: true, data: undefined } : result;
}

export async function changeRoleAction(teamId: string, userId: string, role: string): Promise<ActionResult> {
  const actor = await currentActor();
  const parsed = parseInput(teamMemberParams.extend(changeRoleSchema.shape), { teamId, userId, role });
  if (!parsed.success) return invalid(parsed.error.issues);
  const result = await attempt(() => changeMemberRole(actor, parsed.data.teamId, parsed.data.userId, parsed.data.role));
  revalidatePath("/settings/team");
  return result.ok ? { ok: true, data: undefined } : result;
}

export async function removeMemberAction(teamId: string, userId: string): Promise<ActionResult> {
  const actor = await currentActor();
  const parsed = parseInput(teamMemberParams, { teamId, userId });
  if (!parsed.success) return invalid(parsed.error.issues);
  const result = await attempt(() => removeMember(actor, parsed.data.teamId, parsed.data.userId));
  revalidatePath("/settings/team");
  return result.ok ? { ok: true, data: undefined } : result;
}

export async function renameTeamAction(teamId: string, _previous: unknown, formData: FormData): Promise<ActionResult<{ name: string }>> {
  const actor = await currentActor();
  const parsed = parseInput(teamParams.extend(renameTeamSchema.shape), { teamId, ...formFields(formData, ["name"]) });
  if (!parsed.success) return invalid(parsed.error.issues);
  const result = await attempt(() => renameTeam(actor, parsed.data.teamId, parsed.data.name));
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ok: true, data: { name: result.data.name } };
}

export async function acceptInvitationAction(token: string): Promise<ActionResult> {
  const actor = await currentActor();
  const result = await attempt(() => acceptInvitation(actor, token));
  if (!result.ok) return result;
  (await cookies()).set(TEAM_COOKIE, result.data.id, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 24 * 3600 });
  redirect("/projects");
}

export async function createTokenAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ token: string; name: string }>> {
  const actor = await currentActor();
  const parsed = parseInput(createTokenSchema, { name: formData.get("name") });
  if (!parsed.success) return invalid(parsed.error.issues);
  const created = await createApiToken(actor, parsed.data.name);
  revalidatePath("/settings/tokens");
  return { ok: true, data: { token: created.token, name: created.name } };
}

export async function revokeTokenAction(tokenId: string): Promise<ActionResult> {
  const actor = await currentActor();
  const result = await attempt(() => revokeApiToken(actor, tokenId));
  revalidatePath("/settings/tokens");
  return result.ok ? { ok: true, data: undefined } : result;
}
