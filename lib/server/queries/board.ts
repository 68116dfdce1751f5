import "server-only";
// The Kanban board in two statements after authorization: the project with its columns (and
// their full card counts), then the visible cards with a narrow select joined to assignee and
// epic. Plain SQL because this is the hottest read of the app: Prisma's relation loading costs
// extra round trips and 2–4× the time for a board of 1,000 cards.
import { compareRanks } from "@/lib/domain/ranking";
import { dayOf } from "@/lib/domain/reports/dates";
import { resolveStages, workItemAge, type Stages } from "@/lib/domain/reports/flow";
import type { WipScope } from "@/lib/domain/wip";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BoardMode, ColumnCategory, WipMode } from "@/lib/generated/prisma/enums";
import type { PipelineStatus } from "@/lib/domain/pipeline/types";
import type { ProjectAccess } from "../authz";
import { sqlQuery } from "../db";
import { agingThreshold } from "../services/reports";
import { readStatus } from "../services/pipeline/stored-status";
import { latestRunStatusSql } from "./pipeline";

export type BoardFilters = {
  /** Title text, or a card key. */
  q?: string;
  assigneeId?: string;
  label?: string;
  /** Card type, either case ("bug" or "BUG"). */
  type?: string;
  /** The actor's user id: only cards assigned to them. */
  mine?: string;
  /** Only cards with a blocked reason. */
  blocked?: boolean;
};

const DAY_MS = 86_400_000;

type BoardCardRow = {
  key: string;
  title: string;
  type: string;
  priority: string;
  estimate: number | null;
  labels: string[];
  blockedReason: string | null;
  flagReason: string | null;
  /** Epoch milliseconds (the timestamp column is UTC without a zone). */
  columnEnteredAt: number;
  /** Epoch milliseconds of the card's first entry into a started column; null unless it sits in a started, unfinished one. */
  startedAt: number | null;
  version: number;
  sprintId: string | null;
  columnId: string;
  boardRank: string;
  assigneeId: string | null;
  assigneeName: string | null;
  epicKey: string | null;
  epicTitle: string | null;
  /** Definition-of-Done items of the card, and how many are ticked. */
  dodTotal: number;
  dodDone: number;
  /** Stored status of the card's latest pipeline run; null without one. */
  pipelineStatus: string | null;
};

function pipelineOf(stored: string | null): { status: PipelineStatus } | null {
  const status = stored === null ? null : readStatus(stored);
  return status === null ? null : { status };
}

/** `today`: the calendar day in the project's time zone, for the work item age. */
function boardCard(card: BoardCardRow, now: number, today: string, timeZone: string) {
  return {
    key: card.key,
    title: card.title,
    type: card.type.toLowerCase(),
    priority: card.priority.toLowerCase(),
    assignee: card.assigneeId ? { id: card.assigneeId, name: card.assigneeName! } : null,
    estimate: card.estimate,
    labels: card.labels,
    epic: card.epicKey ? { key: card.epicKey, title: card.epicTitle! } : null,
    blockedReason: card.blockedReason,
    flagReason: card.flagReason,
    columnEnteredAt: new Date(card.columnEnteredAt).toISOString(),
    /** Whole days in the current column. */
    ageDays: Math.max(0, Math.floor((now - card.columnEnteredAt) / DAY_MS)),
    /** Work item age (lib/domain/reports/flow.ts): for a started, unfinished card only, else null. */
    workItemAge: card.startedAt === null ? null : workItemAge(new Date(card.startedAt), today, timeZone),
    version: card.version,
    sprintId: card.sprintId,
    ...(card.dodTotal > 0 && { dod: { done: card.dodDone, total: card.dodTotal } }),
    pipeline: pipelineOf(card.pipelineStatus),
  };
}
export type BoardCard = ReturnType<typeof boardCard>;

/** `timeZone`, `startColumnId` and `finishColumnIds` are the reports' settings (see lib/domain/reports/flow.ts). */
type BoardProject = { key: string; name: string; mode: BoardMode; wipMode: WipMode; agingDays: number; timeZone: string; startColumnId: string | null; finishColumnIds: string[]; productionEnvironments: string[] };

/** Board settings as the UI uses them: enum values as in the domain (`"HARD"`, `"KANBAN"`). */
export function boardProjectDto(project: BoardProject): BoardProject {
  const { key, name, mode, wipMode, agingDays, timeZone, startColumnId, finishColumnIds, productionEnvironments } = project;
  return { key, name, mode, wipMode, agingDays, timeZone, startColumnId, finishColumnIds, productionEnvironments };
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

type ColumnRow = { id: string; name: string; category: ColumnCategory; wipLimit: number | null; policy: string; count: number };

/**
 * The running sprint as the Scrum board's header shows it: dates (ISO), the points committed at
 * the start, and the points of its cards now (`points`), of which `donePoints` sit in a Done column.
 */
export type BoardSprint = {
  id: string;
  name: string;
  goal: string;
  startDate: string | null;
  endDate: string | null;
  capacity: number | null;
  committedPoints: number;
  cardCount: number;
  doneCards: number;
  points: number;
  donePoints: number;
};
type ProjectRow = BoardProject & { sprint: BoardSprint | null; lastEventId: string | null; columns: ColumnRow[] | null };

async function loadProject(projectId: string): Promise<ProjectRow> {
  const [project] = await sqlQuery<ProjectRow>(Prisma.sql`
    SELECT p.key, p.name, p.mode::text AS mode, p."wipMode"::text AS "wipMode", p."agingDays", p."timeZone", p."startColumnId", p."finishColumnIds", p."productionEnvironments",
      CASE WHEN s.id IS NOT NULL THEN (
        SELECT json_build_object(
          'id', s.id, 'name', s.name, 'goal', s.goal, 'capacity', s.capacity, 'committedPoints', coalesce(s."committedPoints", 0),
          'startDate', to_char(s."startDate", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'endDate', to_char(s."endDate", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'cardCount', count(k.id), 'doneCards', count(k.id) FILTER (WHERE kc.category = 'DONE'),
          'points', coalesce(sum(k.estimate), 0), 'donePoints', coalesce(sum(k.estimate) FILTER (WHERE kc.category = 'DONE'), 0))
        FROM "Card" k JOIN "Column" kc ON kc.id = k."columnId" WHERE k."sprintId" = s.id
      ) END AS sprint,
      (SELECT max(e.id)::text FROM "RealtimeEvent" e WHERE e."projectId" = p.id) AS "lastEventId",
      (SELECT json_agg(json_build_object(
          'id', c.id, 'name', c.name, 'category', c.category, 'wipLimit', c."wipLimit", 'policy', c.policy,
          'count', (SELECT count(*) FROM "Card" k WHERE k."columnId" = c.id AND k.type <> 'EPIC' AND (p.mode = 'KANBAN' OR k."sprintId" = s.id))) ORDER BY c.rank)
        FROM "Column" c WHERE c."projectId" = p.id) AS columns
    FROM "Project" p
    LEFT JOIN LATERAL (SELECT * FROM "Sprint" WHERE "projectId" = p.id AND state = 'ACTIVE' LIMIT 1) s ON true
    WHERE p.id = ${projectId}`);
  return project!;
}

/** SQL condition on the "Card" row aliased `card`: it counts toward its column's limit under `scope` (lib/domain/wip countsTowardWip). */
export function inWipScope(scope: WipScope, card: Prisma.Sql): Prisma.Sql {
  const notEpic = Prisma.sql`${card}.type <> 'EPIC'`;
  if (scope.kind === "all") return notEpic;
  return scope.sprintId === null ? Prisma.sql`false` : Prisma.sql`${notEpic} AND ${card}."sprintId" = ${scope.sprintId}`;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function cardConditions(projectId: string, sprintId: string | undefined, filters: BoardFilters) {
  const conditions = [Prisma.sql`c."projectId" = ${projectId}`, Prisma.sql`c.type <> 'EPIC'`];
  if (sprintId) conditions.push(Prisma.sql`c."sprintId" = ${sprintId}`);
  if (filters.type) conditions.push(Prisma.sql`c.type::text = ${filters.type.toUpperCase()}`);
  if (filters.label) conditions.push(Prisma.sql`${filters.label} = ANY(c.labels)`);
  if (filters.assigneeId) conditions.push(Prisma.sql`c."assigneeId" = ${filters.assigneeId}`);
  if (filters.mine) conditions.push(Prisma.sql`c."assigneeId" = ${filters.mine}`);
  if (filters.blocked) conditions.push(Prisma.sql`c."blockedReason" IS NOT NULL`);
  if (filters.q) conditions.push(Prisma.sql`(c.title ILIKE ${likePattern(filters.q)} OR c.key = ${filters.q.toUpperCase()})`);
  return Prisma.join(conditions, " AND ");
}

/**
 * The visible cards as ONE json text, parsed here: PGlite's driver spends most of a wide result's
 * time decoding it field by field, and Prisma (bypassed: sqlQuery) would copy it once more. Rows go through a
 * subquery into json_agg(row), which is cheaper than json_build_object with its keys per row.
 */
async function loadCards(projectId: string, sprintId: string | undefined, filters: BoardFilters, stages: Stages): Promise<BoardCardRow[]> {
  const inProgress = stages.startedIds.filter((id) => !stages.finishedIds.includes(id));
  const [result] = await sqlQuery<{ cards: string }>(Prisma.sql`
    SELECT coalesce(json_agg(t), '[]')::text AS cards FROM (
      SELECT c.key, c.title, c.type, c.priority, c.estimate, c.labels, c."blockedReason", c."flagReason",
        (extract(epoch FROM c."columnEnteredAt") * 1000)::float8 AS "columnEnteredAt",
        CASE WHEN c."columnId" = ANY(${inProgress}::text[]) THEN (
          SELECT (extract(epoch FROM min(x."firstAt")) * 1000)::float8 FROM "CardColumnEntry" x WHERE x."cardId" = c.id AND x."columnId" = ANY(${stages.startedIds}::text[])
        ) END AS "startedAt",
        c.version, c."sprintId", c."columnId", c."boardRank", c."assigneeId", u.name AS "assigneeName", e.key AS "epicKey", e.title AS "epicTitle",
        d.total AS "dodTotal", d.done AS "dodDone", ${latestRunStatusSql(Prisma.raw("c.id"))} AS "pipelineStatus"
      FROM "Card" c
      LEFT JOIN "User" u ON u.id = c."assigneeId"
      LEFT JOIN "Card" e ON e.id = c."epicId"
      LEFT JOIN LATERAL (SELECT count(*)::int AS total, (count(*) FILTER (WHERE i.done))::int AS done FROM "ChecklistItem" i WHERE i."cardId" = c.id AND i.list = 'DOD') d ON true
      WHERE ${cardConditions(projectId, sprintId, filters)}
    ) t`);
  return JSON.parse(result!.cards) as BoardCardRow[];
}

/**
 * The board: columns in order, each with its visible cards in board order. `count` is every card
 * of the column the board shows, whatever the filters hide: the WIP limit covers exactly those
 * (lib/domain/wip wipScope). A scrum board shows the cards of the active sprint only (none while
 * no sprint is active); a kanban board shows every card. Epics are containers, not work items:
 * no board shows them; their children carry them as badges.
 * `lastEventId` is the newest board event already reflected, read before the cards: subscribe
 * to the event stream with it and nothing is missed between this read and the subscription.
 */
export async function getBoard(access: ProjectAccess, filters: BoardFilters = {}) {
  const project = await loadProject(access.projectId);
  const activeSprint = project.sprint;
  const scrum = project.mode === "SCRUM";
  // The reports' stages from the columns just read: the threshold and the ages need no query of their own.
  const stages = resolveStages(project.columns ?? [], project);
  const [rows, teamThreshold] = await Promise.all([
    scrum && !activeSprint ? [] : loadCards(access.projectId, activeSprint?.id, filters, stages),
    agingThreshold(access.projectId, { timeZone: project.timeZone, stages }),
  ]);
  rows.sort((a, b) => compareRanks(a.boardRank, b.boardRank));
  const now = Date.now();
  const today = dayOf(new Date(now), project.timeZone);
  const byColumn = new Map<string, BoardCard[]>();
  for (const row of rows) {
    const list = byColumn.get(row.columnId) ?? [];
    list.push(boardCard(row, now, today, project.timeZone));
    byColumn.set(row.columnId, list);
  }
  return {
    // Cards whose work item age passes this many days are marked ageing: the team's own p85 cycle
    // time, or the project's fixed `agingDays` while there is too little history.
    project: { ...boardProjectDto(project), agingThreshold: teamThreshold ?? project.agingDays, activeSprint },
    lastEventId: project.lastEventId,
    columns: (project.columns ?? []).map((column) => ({
      id: column.id,
      name: column.name,
      category: column.category,
      wipLimit: column.wipLimit,
      policy: column.policy,
      count: column.count,
      cards: byColumn.get(column.id) ?? [],
    })),
  };
}
export type Board = Awaited<ReturnType<typeof getBoard>>;
