import "server-only";
import { grantableRoles, memberChangeRefusal, ROLE_LABELS, type MemberChange, type TeamRole } from "@/lib/domain/roles";
import type { Actor } from "../authenticate";
import { requireTeamRole } from "../authz";
import { db, type Tx } from "../db";
import { AppError, conflict, forbidden, notFound } from "../errors";
import { hashToken, newSecretToken } from "../tokens";

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

function slugify(name: string) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "team";
}

export async function createTeamWithOwner(tx: Tx, name: string, ownerId: string) {
  const suffix = Math.random().toString(36).slice(2, 8);
  return tx.team.create({
    data: { name, slug: `${slugify(name)}-${suffix}`, memberships: { create: { userId: ownerId, role: "OWNER" } } },
    select: { id: true, name: true, slug: true },
  });
}

export async function createTeam(actor: Actor, name: string) {
  return db.$transaction((tx) => createTeamWithOwner(tx, name, actor.userId));
}

/** Creates an invitation; the link (with its one-time token) is returned once for the admin to pass on. */
export async function inviteMember(actor: Actor, teamId: string, input: { email: string; role: TeamRole }, now = new Date()) {
  const myRole = await requireTeamRole(actor, teamId, "ADMIN");
  if (!grantableRoles(myRole).includes(input.role)) throw forbidden(`Only an owner can invite someone as ${ROLE_LABELS[input.role].toLowerCase()}.`);
  const member = await db.membership.findFirst({ where: { teamId, user: { email: input.email } }, select: { id: true } });
  if (member) throw conflict("ALREADY_MEMBER", `${input.email} is already a member of this team.`);
  const { token, hash } = newSecretToken("inv");
  const invitation = await db.invitation.create({
    data: { teamId, email: input.email, role: input.role, tokenHash: hash, invitedById: actor.userId, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
    select: { id: true, email: true, role: true, expiresAt: true },
  });
  return { ...invitation, token, path: `/invite/${token}` };
}

export async function findInvitation(token: string, now = new Date()) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, team: { select: { id: true, name: true } } },
  });
  if (!invitation || invitation.revokedAt) throw notFound("Invitation");
  if (invitation.acceptedAt) throw new AppError("INVITATION_USED", "This invitation has already been used.", 410);
  if (invitation.expiresAt <= now) throw new AppError("INVITATION_EXPIRED", "This invitation has expired. Ask an admin for a new link.", 410);
  return invitation;
}

/** The signed-in user joins the team with the invited role (the link is the proof; emails may differ). */
export async function acceptInvitation(actor: Actor, token: string, now = new Date()) {
  const invitation = await findInvitation(token, now);
  return db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: now } });
    if (claimed.count !== 1) throw new AppError("INVITATION_USED", "This invitation has already been used.", 410);
    await tx.membership.upsert({
      where: { teamId_userId: { teamId: invitation.team.id, userId: actor.userId } },
      create: { teamId: invitation.team.id, userId: actor.userId, role: invitation.role },
      update: {},
    });
    return invitation.team;
  });
}

/** Withdraws a pending invitation of the team; its link stops working. Revoking twice is harmless. */
export async function revokeInvitation(actor: Actor, teamId: string, invitationId: string, now = new Date()) {
  await requireTeamRole(actor, teamId, "ADMIN");
  const invitation = await db.invitation.findFirst({ where: { id: invitationId, teamId }, select: { acceptedAt: true, revokedAt: true } });
  if (!invitation) throw notFound("Invitation");
  if (invitation.acceptedAt) throw conflict("INVITATION_USED", "This invitation has already been accepted; remove the member instead.");
  if (!invitation.revokedAt) await db.invitation.update({ where: { id: invitationId }, data: { revokedAt: now } });
}

export async function renameTeam(actor: Actor, teamId: string, name: string) {
  await requireTeamRole(actor, teamId, "ADMIN");
  return db.team.update({ where: { id: teamId }, data: { name }, select: { id: true, name: true, slug: true } });
}

/**
 * Changes a member's role or removes them, under the rules of memberChangeRefusal. The team row is
 * locked first, so two owners demoting each other at once cannot leave the team without one.
 */
async function changeMember(actor: Actor, teamId: string, userId: string, change: MemberChange) {
  await requireTeamRole(actor, teamId, "ADMIN");
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Team" WHERE id = ${teamId} FOR UPDATE`;
    const me = await tx.membership.findUnique({ where: { teamId_userId: { teamId, userId: actor.userId } }, select: { role: true } });
    const target = await tx.membership.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { id: true, role: true } });
    const owners = await tx.membership.count({ where: { teamId, role: "OWNER" } });
    if (!me) throw notFound("Team");
    if (!target) throw notFound("Member");
    const refusal = memberChangeRefusal(me.role, target.role, change, owners);
    if (refusal) throw refusal.code === "LAST_OWNER" ? conflict(refusal.code, refusal.message) : forbidden(refusal.message);
    if (change.kind === "remove") await tx.membership.delete({ where: { id: target.id } });
    else await tx.membership.update({ where: { id: target.id }, data: { role: change.to } });
  });
}

export const changeMemberRole = (actor: Actor, teamId: string, userId: string, role: TeamRole) => changeMember(actor, teamId, userId, { kind: "role", to: role });
export const removeMember = (actor: Actor, teamId: string, userId: string) => changeMember(actor, teamId, userId, { kind: "remove" });
