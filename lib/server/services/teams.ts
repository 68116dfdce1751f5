import "server-only";
import type { TeamRole } from "@/lib/domain/roles";
import { hasRole } from "@/lib/domain/roles";
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
  if (!hasRole(myRole, input.role)) throw forbidden("You cannot invite someone with a role above yours.");
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

export async function revokeInvitation(actor: Actor, invitationId: string) {
  const invitation = await db.invitation.findUnique({ where: { id: invitationId }, select: { teamId: true } });
  if (!invitation) throw notFound("Invitation");
  await requireTeamRole(actor, invitation.teamId, "ADMIN");
  await db.invitation.update({ where: { id: invitationId }, data: { revokedAt: new Date() } });
}

export async function changeMemberRole(actor: Actor, teamId: string, userId: string, role: TeamRole) {
  const myRole = await requireTeamRole(actor, teamId, "ADMIN");
  const target = await db.membership.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { id: true, role: true } });
  if (!target) throw notFound("Member");
  if (!hasRole(myRole, target.role) || !hasRole(myRole, role)) throw forbidden("You cannot change the role of someone above you.");
  if (target.role === "OWNER" && role !== "OWNER") {
    const owners = await db.membership.count({ where: { teamId, role: "OWNER" } });
    if (owners <= 1) throw conflict("LAST_OWNER", "A team needs at least one owner.");
  }
  await db.membership.update({ where: { id: target.id }, data: { role } });
}
