import "server-only";
// Backlog reads: cards outside running and closed sprints in the product owner's order, plus the
// facets the backlog filters by (epics with progress, labels, members).
import { compareRanks } from "@/lib/domain/ranking";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BacklogFilter } from "@/lib/validation/backlog";
import type { ProjectAccess } from "../authz";
import { db } from "../db";

/** Narrow select for list rows: no description (it can be 50 kB per card). */
export const backlogCardSelect = {
  key: true,
  number: true,
  title: true,
  type: true,
  priority: true,
  labels: true,
  estimate: true,
  rank: true,
  sprintId: true,
  blockedReason: true,
  flagReason: true,
  version: true,
  updatedAt: true,
  assignee: { select: { id: true, name: true, email: true } },
  epic: { select: { key: true, title: true } },
  column: { select: { id: true, name: true, category: true } },
} satisfies Prisma.CardSelect;

type BacklogCardRow = Prisma.CardGetPayload<{ select: typeof backlogCardSelect }>;

/** The card shape of list endpoints: the card DTO's names without `description` and timestamps but `rank`. */
export function backlogCardDto(card: BacklogCardRow, projectKey: string) {
  return {
    key: card.key,
    number: card.number,
    projectKey,
    title: card.title,
    type: card.type.toLowerCase(),
    priority: card.priority.toLowerCase(),
    assignee: card.assignee,
    labels: card.labels,
    estimate: card.estimate,
    epic: card.epic,
    column: card.column,
    sprintId: card.sprintId,
    rank: card.rank,
    blockedReason: card.blockedReason,
    flagReason: card.flagReason,
    updatedAt: card.updatedAt.toISOString(),
    version: card.version,
  };
}
export type BacklogCard = ReturnType<typeof backlogCardDto>;

function filterWhere(projectId: string, filter: BacklogFilter): Prisma.CardWhereInput {
  return {
    projectId,
    ...(filter.type && { type: filter.type.toUpperCase() as Prisma.CardWhereInput["type"] }),
    ...(filter.epic && { epic: { key: filter.epic } }),
    ...(filter.label && { labels: { has: filter.label } }),
    ...(filter.assignee && { assigneeId: filter.assignee }),
    ...(filter.q && { OR: [{ title: { contains: filter.q, mode: "insensitive" as const } }, { key: filter.q.toUpperCase() }] }),
  };
}

/**
 * Cards with no sprint or in a planned sprint, in rank order (byte order: the column is COLLATE "C").
 * `limit` pages only the unplanned part; planned sprints are always complete.
 */
export async function getBacklog(access: ProjectAccess, filter: BacklogFilter) {
  const where = filterWhere(access.projectId, filter);
  const [planned, unplanned] = await Promise.all([
    db.card.findMany({ where: { ...where, sprint: { state: "PLANNED" } }, select: backlogCardSelect, orderBy: { rank: "asc" } }),
    db.card.findMany({
      where: { ...where, sprintId: null },
      select: backlogCardSelect,
      orderBy: { rank: "asc" },
      ...(filter.limit && { take: filter.limit + 1 }),
    }),
  ]);
  const hasMore = filter.limit !== undefined && unplanned.length > filter.limit;
  const page = hasMore ? unplanned.slice(0, filter.limit) : unplanned;
  const cards = [...planned, ...page].sort((a, b) => compareRanks(a.rank, b.rank)).map((card) => backlogCardDto(card, access.projectKey));
  return { cards, hasMore };
}

/** Cards in the backlog section (no sprint) that match the filter, for "showing n of m". */
export function countBacklog(access: ProjectAccess, filter: BacklogFilter) {
  return db.card.count({ where: { ...filterWhere(access.projectId, filter), sprintId: null } });
}

export type EpicProgress = { key: string; title: string; cards: number; doneCards: number; points: number; donePoints: number };

/** Epics in rank order with their children's progress; done = in a DONE-category column. */
export function listEpics(access: ProjectAccess) {
  return db.$queryRaw<EpicProgress[]>`
    SELECT e.key, e.title,
           count(c.id)::int AS cards,
           (count(c.id) FILTER (WHERE col.category = 'DONE'))::int AS "doneCards",
           coalesce(sum(c.estimate), 0)::int AS points,
           coalesce(sum(c.estimate) FILTER (WHERE col.category = 'DONE'), 0)::int AS "donePoints"
    FROM "Card" e
    LEFT JOIN "Card" c ON c."epicId" = e.id
    LEFT JOIN "Column" col ON col.id = c."columnId"
    WHERE e."projectId" = ${access.projectId} AND e.type = 'EPIC'
    GROUP BY e.id
    ORDER BY e.rank`;
}

/** What the backlog filters and editors offer: labels in use, team members, the estimate scale. */
export async function backlogFacets(access: ProjectAccess) {
  const [labels, members, project] = await Promise.all([
    db.$queryRaw<Array<{ label: string }>>`SELECT DISTINCT unnest(labels) AS label FROM "Card" WHERE "projectId" = ${access.projectId} ORDER BY 1`,
    db.membership.findMany({ where: { teamId: access.teamId }, select: { user: { select: { id: true, name: true, email: true } } }, orderBy: { user: { name: "asc" } } }),
    db.project.findUniqueOrThrow({ where: { id: access.projectId }, select: { name: true, mode: true, estimateScale: true } }),
  ]);
  return {
    labels: labels.map((row) => row.label),
    members: members.map((row) => row.user),
    projectName: project.name,
    mode: project.mode.toLowerCase() as "scrum" | "kanban",
    estimateScale: project.estimateScale,
  };
}
