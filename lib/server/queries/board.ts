import "server-only";
// The Kanban board in two queries after authorization: the project with its columns (and their
// full card counts), then the visible cards with a narrow select.
import { compareRanks } from "@/lib/domain/ranking";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BoardMode, CardType, WipMode } from "@/lib/generated/prisma/enums";
import type { ProjectAccess } from "../authz";
import { db } from "../db";

export type BoardFilters = {
  /** Title text, or a card key. */
  q?: string;
  assigneeId?: string;
  label?: string;
  type?: string;
  /** The actor's user id: only cards assigned to them. */
  mine?: string;
  /** Only cards with a blocked reason. */
  blocked?: boolean;
};

const DAY_MS = 86_400_000;

const boardCardSelect = {
  key: true,
  title: true,
  type: true,
  priority: true,
  estimate: true,
  labels: true,
  blockedReason: true,
  flagReason: true,
  columnEnteredAt: true,
  version: true,
  sprintId: true,
  columnId: true,
  boardRank: true,
  assignee: { select: { id: true, name: true } },
  epic: { select: { key: true, title: true } },
} satisfies Prisma.CardSelect;

type BoardCardRow = Prisma.CardGetPayload<{ select: typeof boardCardSelect }>;

function boardCard(card: BoardCardRow, now: number) {
  return {
    key: card.key,
    title: card.title,
    type: card.type.toLowerCase(),
    priority: card.priority.toLowerCase(),
    assignee: card.assignee,
    estimate: card.estimate,
    labels: card.labels,
    epic: card.epic,
    blockedReason: card.blockedReason,
    flagReason: card.flagReason,
    columnEnteredAt: card.columnEnteredAt.toISOString(),
    ageDays: Math.max(0, Math.floor((now - card.columnEnteredAt.getTime()) / DAY_MS)),
    version: card.version,
    sprintId: card.sprintId,
  };
}
export type BoardCard = ReturnType<typeof boardCard>;

type BoardProject = { key: string; name: string; mode: BoardMode; wipMode: WipMode; agingDays: number };

/** Board settings as the UI uses them: enum values as in the domain (`"HARD"`, `"KANBAN"`). */
export function boardProjectDto(project: BoardProject): BoardProject {
  return { key: project.key, name: project.name, mode: project.mode, wipMode: project.wipMode, agingDays: project.agingDays };
}

/** The REST API spells enum values in lower case (`"hard"`, `"kanban"`, `"in_progress"`), like cards' type and priority. */
export function projectForApi<P extends BoardProject>(project: P): Omit<P, "mode" | "wipMode"> & { mode: Lowercase<BoardMode>; wipMode: Lowercase<WipMode> } {
  return { ...project, mode: project.mode.toLowerCase() as Lowercase<BoardMode>, wipMode: project.wipMode.toLowerCase() as Lowercase<WipMode> };
}

export function boardForApi(board: Board) {
  const project = projectForApi(board.project);
  return {
    wipMode: project.wipMode,
    mode: project.mode,
    ...board,
    project,
    columns: board.columns.map((column) => ({ ...column, category: column.category.toLowerCase() })),
  };
}

function cardWhere(projectId: string, sprintId: string | undefined, filters: BoardFilters): Prisma.CardWhereInput {
  const and: Prisma.CardWhereInput[] = [];
  if (filters.assigneeId) and.push({ assigneeId: filters.assigneeId });
  if (filters.mine) and.push({ assigneeId: filters.mine });
  if (filters.q) and.push({ OR: [{ title: { contains: filters.q, mode: "insensitive" } }, { key: filters.q.toUpperCase() }] });
  return {
    projectId,
    ...(sprintId && { sprintId }),
    ...(filters.type && { type: filters.type.toUpperCase() as CardType }),
    ...(filters.label && { labels: { has: filters.label } }),
    ...(filters.blocked && { blockedReason: { not: null } }),
    ...(and.length && { AND: and }),
  };
}

/**
 * The board: columns in order, each with its visible cards in board order. `count` is the whole
 * column (WIP applies to all of it), whatever the filters hide. A scrum board shows the cards of
 * the active sprint only (none while no sprint is active); a kanban board shows every card.
 * `lastEventId` is the newest board event already reflected: subscribe to the event stream with
 * it, and nothing is missed between this read and the subscription.
 */
export async function getBoard(access: ProjectAccess, filters: BoardFilters = {}) {
  const [project, lastEvent] = await Promise.all([
    db.project.findUniqueOrThrow({
      where: { id: access.projectId },
      select: {
        key: true,
        name: true,
        mode: true,
        wipMode: true,
        agingDays: true,
        columns: { orderBy: { rank: "asc" }, select: { id: true, name: true, category: true, wipLimit: true, policy: true, _count: { select: { cards: true } } } },
        sprints: { where: { state: "ACTIVE" }, select: { id: true, name: true }, take: 1 },
      },
    }),
    db.realtimeEvent.findFirst({ where: { projectId: access.projectId }, orderBy: { id: "desc" }, select: { id: true } }),
  ]);
  const activeSprint = project.sprints[0] ?? null;
  const scrum = project.mode === "SCRUM";
  const rows =
    scrum && !activeSprint
      ? []
      : await db.card.findMany({ where: cardWhere(access.projectId, scrum ? activeSprint!.id : undefined, filters), select: boardCardSelect });
  rows.sort((a, b) => compareRanks(a.boardRank, b.boardRank));
  const now = Date.now();
  const byColumn = new Map<string, BoardCard[]>();
  for (const row of rows) {
    const list = byColumn.get(row.columnId) ?? [];
    list.push(boardCard(row, now));
    byColumn.set(row.columnId, list);
  }
  return {
    project: { ...boardProjectDto(project), activeSprint },
    lastEventId: lastEvent ? String(lastEvent.id) : null,
    columns: project.columns.map((column) => ({
      id: column.id,
      name: column.name,
      category: column.category,
      wipLimit: column.wipLimit,
      policy: column.policy,
      count: column._count.cards,
      cards: byColumn.get(column.id) ?? [],
    })),
  };
}
export type Board = Awaited<ReturnType<typeof getBoard>>;
