import "server-only";
// Authorization at every entry point. A resource in a team the caller does not belong to is
// reported as not found (404), so its existence does not leak; a role too low is 403.
import { hasRole, type TeamRole } from "@/lib/domain/roles";
import type { Actor } from "./authenticate";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, sqlQuery } from "./db";
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

// Project, team and the caller's membership in one statement outside Prisma: authorization runs on
// every request.
type AccessRow = { projectId: string; projectKey: string; teamId: string; role: TeamRole | null };
const accessColumns = Prisma.sql`p.id AS "projectId", p.key AS "projectKey", p."teamId", m.role::text AS role`;
const membershipOf = (actor: Actor) => Prisma.sql`LEFT JOIN "Membership" m ON m."teamId" = p."teamId" AND m."userId" = ${actor.userId}`;

function grant(row: AccessRow | undefined, minRole: TeamRole, what: string): ProjectAccess {
  const role = check(row?.role ?? null, minRole, what);
  return { projectId: row!.projectId, projectKey: row!.projectKey, teamId: row!.teamId, role };
}

export async function requireProjectRole(actor: Actor, projectKey: string, minRole: TeamRole): Promise<ProjectAccess> {
  const [row] = await sqlQuery<AccessRow>(Prisma.sql`SELECT ${accessColumns} FROM "Project" p ${membershipOf(actor)} WHERE p.key = ${projectKey.toUpperCase()}`);
  return grant(row, minRole, `Project ${projectKey}`);
}

export async function requireProjectIdRole(actor: Actor, projectId: string, minRole: TeamRole, what = "Resource"): Promise<ProjectAccess> {
  const [row] = await sqlQuery<AccessRow>(Prisma.sql`SELECT ${accessColumns} FROM "Project" p ${membershipOf(actor)} WHERE p.id = ${projectId}`);
  return grant(row, minRole, what);
}

export type CardAccess = ProjectAccess & { cardId: string; cardKey: string };

export async function requireCardRole(actor: Actor, cardKey: string, minRole: TeamRole): Promise<CardAccess> {
  const [row] = await sqlQuery<AccessRow & { cardId: string; cardKey: string }>(Prisma.sql`
    SELECT c.id AS "cardId", c.key AS "cardKey", ${accessColumns}
    FROM "Card" c JOIN "Project" p ON p.id = c."projectId" ${membershipOf(actor)}
    WHERE c.key = ${cardKey.toUpperCase()}`);
  return { ...grant(row, minRole, `Card ${cardKey}`), cardId: row!.cardId, cardKey: row!.cardKey };
}
