import "server-only";
import type { ProjectAccess } from "../authz";
import { db } from "../db";

/** What an import can map onto: the project's columns in board order and its team's members. */
export async function importTargets(access: ProjectAccess) {
  const [columns, members] = await Promise.all([
    db.column.findMany({ where: { projectId: access.projectId }, orderBy: { rank: "asc" }, select: { id: true, name: true } }),
    db.membership.findMany({ where: { teamId: access.teamId }, orderBy: { user: { name: "asc" } }, select: { user: { select: { id: true, name: true } } } }),
  ]);
  return { columns, members: members.map((member) => member.user) };
}
