import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProjectAccess } from "../authz";
import { db } from "../db";
import { notFound } from "../errors";

export const cardSelect = {
  id: true,
  key: true,
  number: true,
  title: true,
  description: true,
  type: true,
  priority: true,
  labels: true,
  estimate: true,
  blockedReason: true,
  flagReason: true,
  sprintId: true,
  rank: true,
  boardRank: true,
  columnEnteredAt: true,
  completedAt: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  assignee: { select: { id: true, name: true, email: true } },
  epic: { select: { key: true, title: true } },
  column: { select: { id: true, name: true, category: true } },
  project: { select: { key: true } },
} satisfies Prisma.CardSelect;

export type CardRow = Prisma.CardGetPayload<{ select: typeof cardSelect }>;

/** The API's card shape. Later features add fields; names here are a contract. */
export function cardDto(card: CardRow) {
  return {
    key: card.key,
    number: card.number,
    projectKey: card.project.key,
    title: card.title,
    description: card.description,
    type: card.type.toLowerCase(),
    priority: card.priority.toLowerCase(),
    assignee: card.assignee,
    labels: card.labels,
    estimate: card.estimate,
    epic: card.epic,
    column: card.column,
    sprintId: card.sprintId,
    blockedReason: card.blockedReason,
    flagReason: card.flagReason,
    columnEnteredAt: card.columnEnteredAt.toISOString(),
    completedAt: card.completedAt?.toISOString() ?? null,
    createdAt: card.createdAt.toISOString(),
    updatedAt: card.updatedAt.toISOString(),
    version: card.version,
  };
}
export type CardDto = ReturnType<typeof cardDto>;

/**
 * The query that shapes cards as the API shows them, reading the card rows from `source` (the
 * Card table, or a writer's `UPDATE … RETURNING *`), aliased `c`. One statement, where Prisma's
 * relation loading would take five round trips.
 */
export function cardDtoQuery(source: Prisma.Sql) {
  return Prisma.sql`
    SELECT c.id, c.key, c.number, c.title, c.description, c.type::text AS type, c.priority::text AS priority, c.labels, c.estimate,
      c."blockedReason", c."flagReason", c."sprintId", c.rank, c."boardRank", c."columnEnteredAt", c."completedAt", c."createdAt", c."updatedAt", c.version,
      CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name, 'email', u.email) END AS assignee,
      CASE WHEN e.id IS NULL THEN NULL ELSE json_build_object('key', e.key, 'title', e.title) END AS epic,
      json_build_object('id', col.id, 'name', col.name, 'category', col.category) AS "column",
      json_build_object('key', p.key) AS project
    FROM ${source} c
    JOIN "Column" col ON col.id = c."columnId"
    JOIN "Project" p ON p.id = c."projectId"
    LEFT JOIN "User" u ON u.id = c."assigneeId"
    LEFT JOIN "Card" e ON e.id = c."epicId"`;
}

/** One card as the API shows it; every write answers with it. */
export async function loadCardDto(cardId: string) {
  const [row] = await db.$queryRaw<CardRow[]>`${cardDtoQuery(Prisma.sql`"Card"`)} WHERE c.id = ${cardId}`;
  if (!row) throw notFound("Card");
  return cardDto(row);
}

export type CardFilter = { q?: string; type?: string; assigneeId?: string; label?: string; limit: number; cursor?: number };

export async function listCards(access: ProjectAccess, filter: CardFilter) {
  const where: Prisma.CardWhereInput = {
    projectId: access.projectId,
    ...(filter.type && { type: filter.type.toUpperCase() as Prisma.CardWhereInput["type"] }),
    ...(filter.assigneeId && { assigneeId: filter.assigneeId }),
    ...(filter.label && { labels: { has: filter.label } }),
    ...(filter.cursor !== undefined && { number: { gt: filter.cursor } }),
    ...(filter.q && {
      OR: [{ title: { contains: filter.q, mode: "insensitive" as const } }, { key: { equals: filter.q.toUpperCase() } }],
    }),
  };
  const cards = await db.card.findMany({ where, select: cardSelect, orderBy: { number: "asc" }, take: filter.limit + 1 });
  const page = cards.slice(0, filter.limit);
  return { cards: page.map(cardDto), nextCursor: cards.length > filter.limit ? page.at(-1)!.number : null };
}

/** Ids an UPDATED event's diff names (assignee, epic), to show by name. */
function referencedIds(events: Array<{ type: string; data: unknown }>) {
  const users = new Set<string>();
  const cards = new Set<string>();
  for (const event of events) {
    if (event.type !== "UPDATED") continue;
    const diff = (event.data ?? {}) as Record<string, { from?: unknown; to?: unknown }>;
    for (const value of [diff.assigneeId?.from, diff.assigneeId?.to]) if (typeof value === "string") users.add(value);
    for (const value of [diff.epicId?.from, diff.epicId?.to]) if (typeof value === "string") cards.add(value);
  }
  return { users: [...users], cards: [...cards] };
}

/**
 * A card's history, oldest first, with actors and columns by name. `names` maps the user and
 * epic ids an UPDATED diff mentions to a name or key, so the history reads as sentences.
 */
export async function cardHistory(cardId: string) {
  const events = await db.cardEvent.findMany({ where: { cardId }, orderBy: { at: "asc" }, take: 500 });
  const columnIds = [...new Set(events.flatMap((e) => [e.fromColumnId, e.toColumnId]).filter((id): id is string => Boolean(id)))];
  const referenced = referencedIds(events);
  const actorIds = [...new Set([...events.map((e) => e.actorId).filter((id): id is string => Boolean(id)), ...referenced.users])];
  const [columns, actors, epics] = await Promise.all([
    db.column.findMany({ where: { id: { in: columnIds } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }),
    referenced.cards.length ? db.card.findMany({ where: { id: { in: referenced.cards } }, select: { id: true, key: true } }) : [],
  ]);
  const columnName = new Map(columns.map((c) => [c.id, c.name]));
  const actorName = new Map(actors.map((a) => [a.id, a.name]));
  const names: Array<[string, string]> = [...actors.map((a): [string, string] => [a.id, a.name]), ...epics.map((e): [string, string] => [e.id, e.key])];
  return events.map((event) => ({
    id: event.id,
    type: event.type,
    from: event.fromColumnId ? (columnName.get(event.fromColumnId) ?? "deleted column") : null,
    to: event.toColumnId ? (columnName.get(event.toColumnId) ?? "deleted column") : null,
    actor: event.actorId ? (actorName.get(event.actorId) ?? "someone") : "automation",
    data: event.data,
    ...(event.type === "UPDATED" && { names: Object.fromEntries(names.filter(([id]) => JSON.stringify(event.data).includes(id))) }),
    at: event.at.toISOString(),
  }));
}

/** Labels used on any card of the team's projects, in alphabetical order: the labels to choose from. */
export async function teamLabels(teamId: string) {
  const rows = await db.$queryRaw<Array<{ label: string }>>`
    SELECT DISTINCT unnest(c.labels) AS label FROM "Card" c JOIN "Project" p ON p.id = c."projectId" WHERE p."teamId" = ${teamId} ORDER BY label LIMIT 500`;
  return rows.map((row) => row.label);
}
