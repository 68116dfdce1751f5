import "server-only";
// Authorization at every entry point. A resource in a team the caller does not belong to is
// reported as not found (404), so its existence does not leak; a role too low is 403.
import { hasRole, type TeamRole } from "@/lib/domain/roles";
import type { Actor } from "./authenticate";
import { db } from "./db";
import { forbidden, notFound } from "./errors";

export type ProjectAccess = { projectId: string; projectKey: string; teamId: string; role: TeamRole };

async function membershipRole(userId: string, teamId: string): Promise<TeamRole | null> {
  const membership = await db.membership.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { role: true } });
  return membership?.role ?? null;
}

function check(role: TeamRole | null, minRole: TeamRole, what: string): TeamRole {
  if (!role) throw notFound(what);
  if (!hasRole(role, minRole)) throw forbidden();
  return role;
}

export async function requireTeamRole(actor: Actor, teamId: string, minRole: TeamRole): Promise<TeamRole> {
  return check(await membershipRole(actor.userId, teamId), minRole, "Team");
}

export async function requireProjectRole(actor: Actor, projectKey: string, minRole: TeamRole): Promise<ProjectAccess> {
  const project = await db.project.findUnique({ where: { key: projectKey.toUpperCase() }, select: { id: true, key: true, teamId: true } });
  const role = project ? await membershipRole(actor.userId, project.teamId) : null;
  check(role, minRole, `Project ${projectKey}`);
  return { projectId: project!.id, projectKey: project!.key, teamId: project!.teamId, role: role! };
}

export async function requireProjectIdRole(actor: Actor, projectId: string, minRole: TeamRole, what = "Resource"): Promise<ProjectAccess> {
  const project = await db.project.findUnique({ where: { id: projectId }, select: { id: true, key: true, teamId: true } });
  const role = project ? await membershipRole(actor.userId, project.teamId) : null;
  check(role, minRole, what);
  return { projectId: project!.id, projectKey: project!.key, teamId: project!.teamId, role: role! };
}

export type CardAccess = ProjectAccess & { cardId: string; cardKey: string };

export async function requireCardRole(actor: Actor, cardKey: string, minRole: TeamRole): Promise<CardAccess> {
  const card = await db.card.findUnique({ where: { key: cardKey.toUpperCase() }, select: { id: true, key: true, projectId: true } });
  if (!card) throw notFound(`Card ${cardKey}`);
  const access = await requireProjectIdRole(actor, card.projectId, minRole, `Card ${cardKey}`);
  return { ...access, cardId: card.id, cardKey: card.key };
}
