import "server-only";
import type { Actor } from "../authenticate";
import { requireProjectRole, requireTeamRole } from "../authz";
import { db } from "../db";

const projectSelect = {
  id: true,
  key: true,
  name: true,
  description: true,
  mode: true,
  wipMode: true,
  createdAt: true,
  team: { select: { id: true, name: true } },
  _count: { select: { cards: true } },
} as const;

type ProjectRow = { id: string; key: string; name: string; description: string; mode: string; wipMode: string; createdAt: Date; team: { id: string; name: string }; _count: { cards: number } };

export function projectDto(project: ProjectRow) {
  return {
    id: project.id,
    key: project.key,
    name: project.name,
    description: project.description,
    mode: project.mode.toLowerCase(),
    wipMode: project.wipMode.toLowerCase(),
    team: project.team,
    cardCount: project._count.cards,
    createdAt: project.createdAt.toISOString(),
  };
}

/** Projects of every team the actor belongs to, or of one team. */
export async function listProjects(actor: Actor, teamId?: string) {
  const projects = await db.project.findMany({
    where: { team: { memberships: { some: { userId: actor.userId } } }, ...(teamId ? { teamId } : {}) },
    select: projectSelect,
    orderBy: { name: "asc" },
  });
  return projects.map(projectDto);
}

export async function getProject(actor: Actor, key: string) {
  const access = await requireProjectRole(actor, key, "VIEWER");
  const project = await db.project.findUniqueOrThrow({ where: { id: access.projectId }, select: projectSelect });
  return { ...projectDto(project), role: access.role };
}

export async function listTeams(actor: Actor) {
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId },
    select: { role: true, team: { select: { id: true, name: true, slug: true } } },
    orderBy: { team: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.team, role: m.role }));
}

export async function getMe(actor: Actor) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, email: true, name: true, createdAt: true } });
  return { ...user, createdAt: user.createdAt.toISOString(), teams: await listTeams(actor) };
}

/** Members of a project's team, for assignee pickers. Callers have checked access to the project. */
export async function teamMembers(teamId: string) {
  const members = await db.membership.findMany({
    where: { teamId },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return members.map((m) => ({ ...m.user, role: m.role }));
}

export async function projectEpics(projectId: string) {
  return db.card.findMany({ where: { projectId, type: "EPIC" }, select: { key: true, title: true }, orderBy: { number: "asc" } });
}

export async function pendingInvitations(teamId: string, now = new Date()) {
  const invitations = await db.invitation.findMany({
    where: { teamId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true, role: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
  return invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }));
}

/** A team's members, for any member of it. */
export async function listMembers(actor: Actor, teamId: string) {
  await requireTeamRole(actor, teamId, "VIEWER");
  return teamMembers(teamId);
}

/** A team's pending invitations (never their tokens), for its admins. */
export async function listInvitations(actor: Actor, teamId: string, now = new Date()) {
  await requireTeamRole(actor, teamId, "ADMIN");
  return pendingInvitations(teamId, now);
}
