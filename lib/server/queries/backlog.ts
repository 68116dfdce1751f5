import "server-only";
// Backlog reads: cards outside running and closed sprints in the product owner's order, plus the
// facets the backlog filters by (epics with progress, labels, members).
import { Prisma } from "@/lib/generated/prisma/client";
import type { BacklogFilter } from "@/lib/validation/backlog";
import type { ProjectAccess } from "../authz";
import { db, sqlQuery } from "../db";

/** The card shape of list reads: the card DTO's names without `description` and timestamps, plus `rank`. */
export type BacklogCard = {
  key: string;
  number: number;
  projectKey: string;
  title: string;
  type: "story" | "bug" | "task" | "spike" | "epic";
  priority: "low" | "medium" | "high" | "urgent";
  assignee: { id: string; name: string; email: string } | null;
  labels: string[];
  estimate: number | null;
  epic: { key: string; title: string } | null;
  column: { id: string; name: string; category: "TODO" | "IN_PROGRESS" | "DONE" };
  sprintId: string | null;
  rank: string;
  blockedReason: string | null;
  flagReason: string | null;
  version: number;
};

/**
 * The cards `source` yields (a query over "Card" rows) as JSON array text in rank order. PostgreSQL
 * builds the JSON: for thousands of rows that is several times faster than materialising Prisma
 * objects with their relations, and the API can send the text as it is. Rows go through a sorted
 * subquery into json_agg(row) — nothing above the subquery reorders them — which is about twice as
 * fast as json_build_object with ORDER BY inside the aggregate.
 */
export async function cardsJson(projectKey: string, source: Prisma.Sql): Promise<string> {
  // Outside Prisma (sqlQuery): the answer is one text of megabytes, which Prisma would copy again.
  const [row] = await sqlQuery<{ cards: string }>(Prisma.sql`
    SELECT coalesce(json_agg(t), '[]')::text AS cards FROM (
      SELECT c.key, c.number, ${projectKey}::text AS "projectKey", c.title, lower(c.type::text) AS type, lower(c.priority::text) AS priority,
             CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name, 'email', u.email) END AS assignee,
             c.labels, c.estimate,
             CASE WHEN e.id IS NULL THEN NULL ELSE json_build_object('key', e.key, 'title', e.title) END AS epic,
             json_build_object('id', col.id, 'name', col.name, 'category', col.category) AS "column",
             c."sprintId", c.rank, c."blockedReason", c."flagReason", c.version
      FROM (${source}) c
      LEFT JOIN "User" u ON u.id = c."assigneeId"
      LEFT JOIN "Card" e ON e.id = c."epicId"
      JOIN "Column" col ON col.id = c."columnId"
      ORDER BY c.rank
    ) t`);
  return row!.cards;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

function filterSql(projectId: string, filter: BacklogFilter): Prisma.Sql {
  const conditions = [Prisma.sql`c."projectId" = ${projectId}`];
  if (filter.type) conditions.push(Prisma.sql`c.type = ${filter.type.toUpperCase()}::"CardType"`);
  if (filter.epic) conditions.push(Prisma.sql`c."epicId" = (SELECT id FROM "Card" WHERE key = ${filter.epic})`);
  if (filter.label) conditions.push(Prisma.sql`${filter.label} = ANY(c.labels)`);
  if (filter.assignee) conditions.push(Prisma.sql`c."assigneeId" = ${filter.assignee}`);
  if (filter.q) conditions.push(Prisma.sql`(c.title ILIKE ${`%${escapeLike(filter.q)}%`} OR c.key = ${filter.q.toUpperCase()})`);
  return Prisma.join(conditions, " AND ");
}

/**
 * How the backlog page narrows the lists beyond the filters (the REST API uses the defaults):
 * `withActive` adds the running sprint's cards; `notStartedOnly` keeps only cards in a To-do
 * column in the unplanned part (sprints always show every card they hold); `focus` is a card
 * included wherever it is in the order, however far past `limit` (one just created, say).
 */
export type BacklogView = { withActive?: boolean; notStartedOnly?: boolean; focus?: string };

const notStarted = Prisma.sql`(SELECT category FROM "Column" WHERE id = c."columnId") = 'TODO'`;

/**
 * Cards with no sprint or in a planned sprint, in rank order (byte order: the column is COLLATE "C"),
 * as JSON text. `limit` pages only the unplanned part; planned sprints are always complete.
 * `total` counts the unplanned cards that match; `hidden` those that `notStartedOnly` leaves out.
 */
export async function backlogJson(access: ProjectAccess, filter: BacklogFilter, view: BacklogView = {}) {
  const where = filterSql(access.projectId, filter);
  const sprints = view.withActive ? Prisma.sql`s.state IN ('PLANNED', 'ACTIVE')` : Prisma.sql`s.state = 'PLANNED'`;
  const unplanned = view.notStartedOnly ? Prisma.sql`c."sprintId" IS NULL AND ${where} AND ${notStarted}` : Prisma.sql`c."sprintId" IS NULL AND ${where}`;
  const focus = view.focus
    ? Prisma.sql`UNION SELECT c.* FROM "Card" c LEFT JOIN "Sprint" s ON s.id = c."sprintId"
        WHERE c."projectId" = ${access.projectId} AND c.key = ${view.focus} AND (c."sprintId" IS NULL OR ${sprints})`
    : Prisma.empty;
  const [cards, [count]] = await Promise.all([
    cardsJson(
      access.projectKey,
      Prisma.sql`SELECT c.* FROM "Card" c JOIN "Sprint" s ON s.id = c."sprintId" WHERE ${sprints} AND ${where}
        UNION ALL
        (SELECT c.* FROM "Card" c WHERE ${unplanned} ORDER BY c.rank LIMIT ${filter.limit ?? null}::bigint)
        ${focus}`,
    ),
    sqlQuery<{ total: number; hidden: number }>(Prisma.sql`
      SELECT (count(*) FILTER (WHERE ${view.notStartedOnly ? notStarted : Prisma.sql`true`}))::int AS total,
             (count(*) FILTER (WHERE ${view.notStartedOnly ? Prisma.sql`NOT ${notStarted}` : Prisma.sql`false`}))::int AS hidden
      FROM "Card" c WHERE c."sprintId" IS NULL AND ${where}`),
  ]);
  const { total, hidden } = count!;
  return { cards, total, hidden, hasMore: filter.limit !== undefined && total > filter.limit };
}

export async function getBacklog(access: ProjectAccess, filter: BacklogFilter, view: BacklogView = {}) {
  const { cards, ...rest } = await backlogJson(access, filter, view);
  return { cards: JSON.parse(cards) as BacklogCard[], ...rest };
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
