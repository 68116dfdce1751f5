import "server-only";
// Reports (issue 13) from the recorded history. Started and finished instants come from
// "CardColumnEntry" (first and last entry per card and column, kept by database triggers), column
// counts from the (projectId, at)-indexed history; the definitions themselves live in
// lib/domain/reports.
import { burndown as buildBurndown, type BurndownCompletion, type BurndownScopeChange } from "@/lib/domain/reports/burndown";
import { addDays, dayOf, daysBetween, startOfDay } from "@/lib/domain/reports/dates";
import { agingZone, cumulativeFlow as buildCumulativeFlow, cycleTime as cycleTimeOf, resolveStages, throughput as buildThroughput, workItemAge, type ColumnDelta, type Stages } from "@/lib/domain/reports/flow";
import { DEFAULT_TRIALS, DEFAULT_WINDOW_DAYS, forecastItems, forecastUntil, type Random } from "@/lib/domain/reports/forecast";
import { percentiles } from "@/lib/domain/reports/percentiles";
import type { AgingReport, BurndownReport, CumulativeFlowReport, CycleTimeReport, ForecastReport, ThroughputReport, VelocityReport } from "@/lib/domain/reports/types";
import { velocity as buildVelocity } from "@/lib/domain/reports/velocity";
import { cache } from "react";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReportRequest } from "@/lib/validation/reports";
import type { ProjectAccess } from "../authz";
import { db, sqlQuery } from "../db";
import { conflict, notFound } from "../errors";

/** Days a flow report covers when the request names no `from`. */
const DEFAULT_RANGE_DAYS = 90;
/** Finished cards needed before the team's own p85 replaces the board's fixed ageing threshold. */
export const MIN_HISTORY_FOR_THRESHOLD = 10;

type Setup = { timeZone: string; columns: { id: string; name: string; category: "TODO" | "IN_PROGRESS" | "DONE" }[]; stages: Stages };

/** Memoized per request (React cache): the Reports page asks for six reports of one project at once. */
export const setupOf = cache(async (projectId: string): Promise<Setup> => {
  const project = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { timeZone: true, startColumnId: true, finishColumnIds: true, columns: { orderBy: { rank: "asc" }, select: { id: true, name: true, category: true } } },
  });
  return { timeZone: project.timeZone, columns: project.columns, stages: resolveStages(project.columns, project) };
});

export type Range = { from: string; to: string; start: Date; end: Date };

/** The request's days (defaults: the last `days` days up to today), and the instants they span. */
export function rangeOf(request: Pick<ReportRequest, "from" | "to">, timeZone: string, now: Date, days = DEFAULT_RANGE_DAYS): Range {
  const to = request.to ?? dayOf(now, timeZone);
  const from = request.from ?? addDays(to, -(days - 1));
  return { from, to, start: startOfDay(from, timeZone), end: startOfDay(addDays(to, 1), timeZone) };
}

/** The request's card filters as a condition on `c` (a "Card" row). */
function cardFilter(projectId: string, request: ReportRequest): Prisma.Sql {
  const conditions = [Prisma.sql`c."projectId" = ${projectId}`];
  if (request.type) conditions.push(Prisma.sql`c.type = ${request.type.toUpperCase()}::"CardType"`);
  if (request.label) conditions.push(Prisma.sql`${request.label} = ANY(c.labels)`);
  if (request.assignee) conditions.push(Prisma.sql`c."assigneeId" = ${request.assignee}`);
  if (request.epic) conditions.push(Prisma.sql`c."epicId" = (SELECT id FROM "Card" WHERE "projectId" = ${projectId} AND key = ${request.epic})`);
  return Prisma.join(conditions, " AND ");
}

const hasFilters = (request: ReportRequest) => Boolean(request.type || request.label || request.assignee || request.epic);

type Finished = { key: string; title: string; started: Date; finished: Date };

/** The request's filters as one string, and stages as column id lists: memo keys (React cache compares arguments by identity). */
const filterKey = (request: ReportRequest) => JSON.stringify([request.type, request.label, request.assignee, request.epic]);

/**
 * The project's cards finished since an instant, matching the filters: sitting in a finished column now,
 * started at its first entry into a started-or-later column, finished at its last entry into a
 * finished one (a card reopened and finished again counts once, at its last finish). Memoized per
 * request: the Reports page asks cycle time, ageing and throughput of one range.
 * The rows travel as one JSON text, which PGlite's driver decodes far faster than row by row.
 */
const finishedSince = cache(async (projectId: string, since: string, startedList: string, finishedList: string, filters: string): Promise<Finished[]> => {
  if (!finishedList) return [];
  const [type, label, assignee, epic] = JSON.parse(filters) as Array<string | undefined>;
  const finishedIds = Prisma.sql`${finishedList.split(",")}::text[]`;
  const [result] = await sqlQuery<{ rows: string }>(Prisma.sql`
    SELECT coalesce(json_agg(t), '[]')::text AS rows FROM (
      SELECT c.key, c.title, (extract(epoch FROM s.started) * 1000)::float8 AS started, (extract(epoch FROM s.finished) * 1000)::float8 AS finished
      FROM (
        SELECT e."cardId", min(e."firstAt") AS started, max(e."lastAt") FILTER (WHERE e."columnId" = ANY(${finishedIds})) AS finished
        FROM "CardColumnEntry" e
        WHERE e."projectId" = ${projectId} AND e."columnId" = ANY(${startedList.split(",")}::text[])
        GROUP BY e."cardId"
      ) s JOIN "Card" c ON c.id = s."cardId"
      WHERE s.finished >= ${since}::timestamp(3) AND c."columnId" = ANY(${finishedIds}) AND ${cardFilter(projectId, { type: type as ReportRequest["type"], label, assignee, epic })}
    ) t`);
  // Sorted here: ordering inside json_agg costs PostgreSQL more than the rest of the statement.
  const rows = JSON.parse(result!.rows) as Array<{ key: string; title: string; started: number; finished: number }>;
  rows.sort((a, b) => a.finished - b.finished || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return rows.map((row) => ({ ...row, started: new Date(row.started), finished: new Date(row.finished) }));
});

/** The cards finished between two instants (see finishedSince), in finishing order. */
async function finishedCards(projectId: string, stages: Stages, start: Date, end: Date, request: ReportRequest): Promise<Finished[]> {
  return (await finishedSince(projectId, start.toISOString(), stages.startedIds.join(","), stages.finishedIds.join(","), filterKey(request))).filter((row) => row.finished >= start && row.finished < end);
}

async function cycleTimes(access: ProjectAccess, setup: Setup, range: Range, request: ReportRequest): Promise<CycleTimeReport> {
  const rows = await finishedCards(access.projectId, setup.stages, range.start, range.end, request);
  const items = rows.map((row) => ({ key: row.key, title: row.title, started: row.started.toISOString(), finished: row.finished.toISOString(), ...cycleTimeOf(row.started, row.finished, setup.timeZone) }));
  return { items, percentiles: percentiles(items.map((item) => item.days)) };
}

/** Cycle times of the cards finished in the range, with their percentiles. */
export async function cycleTime(access: ProjectAccess, request: ReportRequest, now = new Date()): Promise<CycleTimeReport> {
  const setup = await setupOf(access.projectId);
  return cycleTimes(access, setup, rangeOf(request, setup.timeZone, now), request);
}

/** Cards finished per day or ISO week over the range, zeros included. */
export async function throughput(access: ProjectAccess, request: ReportRequest & { interval?: "day" | "week" }, now = new Date()): Promise<ThroughputReport> {
  const setup = await setupOf(access.projectId);
  const range = rangeOf(request, setup.timeZone, now);
  const rows = await finishedCards(access.projectId, setup.stages, range.start, range.end, request);
  return buildThroughput(rows.map((row) => dayOf(row.finished, setup.timeZone)), range.from, range.to, request.interval ?? "day");
}

type DayMoves = { day: string; fromColumnId: string | null; toColumnId: string | null; n: number };

/**
 * Net entries per day and column from the start of the range on. Unfiltered, from the maintained
 * daily aggregate; filtered, from the matching cards' history (CREATED, and MOVED between columns).
 * Cards imported without any history (no column entry at all) appear on their creation day.
 */
function movesSince(projectId: string, timeZone: string, range: Range, request: ReportRequest): Promise<DayMoves[]> {
  const filter = cardFilter(projectId, request);
  const localDay = (column: Prisma.Sql) => Prisma.sql`to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`;
  const recorded = hasFilters(request)
    ? Prisma.sql`
        SELECT ${localDay(Prisma.sql`e.at`)} AS day, e."fromColumnId", e."toColumnId", count(*)::int AS n
        FROM "CardEvent" e JOIN "Card" c ON c.id = e."cardId" AND ${filter}
        WHERE e."projectId" = ${projectId} AND e.at >= ${range.start}::timestamp(3)
          AND (e.type = 'CREATED' OR (e.type = 'MOVED' AND e."fromColumnId" IS DISTINCT FROM e."toColumnId"))
        GROUP BY 1, 2, 3`
    : Prisma.sql`
        SELECT to_char(f.day, 'YYYY-MM-DD') AS day, NULL AS "fromColumnId", f."columnId" AS "toColumnId", f.delta AS n
        FROM "ColumnDayFlow" f
        WHERE f."projectId" = ${projectId} AND f.day >= ${range.from}::date AND f.delta <> 0`;
  return sqlQuery<DayMoves>(Prisma.sql`
    ${recorded}
    UNION ALL
    SELECT ${localDay(Prisma.sql`c."createdAt"`)}, NULL, c."columnId", count(*)::int
    FROM "Card" c
    WHERE ${filter} AND c."createdAt" >= ${range.start}::timestamp(3)
      AND NOT EXISTS (SELECT 1 FROM "CardColumnEntry" e WHERE e."cardId" = c.id)
    GROUP BY 1, 3`);
}

/** Cards in each column at the end of each day of the range, columns in board order. */
export async function cumulativeFlow(access: ProjectAccess, request: ReportRequest, now = new Date()): Promise<CumulativeFlowReport> {
  const setup = await setupOf(access.projectId);
  const range = rangeOf(request, setup.timeZone, now);
  const [current, moves] = await Promise.all([
    sqlQuery<{ columnId: string; n: number }>(Prisma.sql`SELECT c."columnId", count(*)::int AS n FROM "Card" c WHERE ${cardFilter(access.projectId, request)} GROUP BY c."columnId"`),
    movesSince(access.projectId, setup.timeZone, range, request),
  ]);
  const deltas: ColumnDelta[] = moves.flatMap((move) => [
    ...(move.toColumnId ? [{ day: move.day, columnId: move.toColumnId, delta: move.n }] : []),
    ...(move.fromColumnId ? [{ day: move.day, columnId: move.fromColumnId, delta: -move.n }] : []),
  ]);
  return buildCumulativeFlow({ columns: setup.columns, current: new Map(current.map((row) => [row.columnId, row.n])), deltas, from: range.from, to: range.to });
}

/**
 * Started, unfinished cards in a started column now, oldest first, with their age on the range's
 * last day and its zone among the cycle times of the cards finished in the range.
 */
export async function aging(access: ProjectAccess, request: ReportRequest, now = new Date()): Promise<AgingReport> {
  const setup = await setupOf(access.projectId);
  const range = rangeOf(request, setup.timeZone, now);
  const { stages } = setup;
  const [history, open] = await Promise.all([
    cycleTimes(access, setup, range, request),
    // One JSON text, like finishedSince.
    sqlQuery<{ rows: string }>(Prisma.sql`
      SELECT coalesce(json_agg(t), '[]')::text AS rows FROM (
        SELECT c.key, c.title, col.name AS column, (extract(epoch FROM min(e."firstAt")) * 1000)::float8 AS started
        FROM "Card" c JOIN "Column" col ON col.id = c."columnId"
          JOIN "CardColumnEntry" e ON e."cardId" = c.id AND e."columnId" = ANY(${stages.startedIds}::text[])
        WHERE ${cardFilter(access.projectId, request)} AND c."columnId" = ANY(${stages.startedIds}::text[]) AND NOT (c."columnId" = ANY(${stages.finishedIds}::text[]))
        GROUP BY c.id, col.name
      ) t`).then(([result]) => (JSON.parse(result!.rows) as Array<{ key: string; title: string; column: string; started: number }>).sort((a, b) => a.started - b.started || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))),
  ]);
  const today = dayOf(now, setup.timeZone) < range.to ? dayOf(now, setup.timeZone) : range.to;
  const items = open.map((card) => {
    const ageDays = workItemAge(new Date(card.started), today, setup.timeZone);
    return { key: card.key, title: card.title, column: card.column, ageDays, zone: agingZone(ageDays, history.percentiles) };
  });
  return { items, percentiles: history.percentiles };
}

/**
 * The team's own ageing threshold: p85 of the cycle times (days) of the cards finished in the last
 * 90 days, or null with fewer than MIN_HISTORY_FOR_THRESHOLD of them (the board then keeps its fixed
 * `agingDays`). The board passes the time zone and stages it has already read.
 */
export async function agingThreshold(projectId: string, { timeZone, stages }: { timeZone: string; stages: Stages }, now = new Date()): Promise<number | null> {
  const range = rangeOf({}, timeZone, now);
  const rows = await finishedCards(projectId, stages, range.start, range.end, {});
  if (rows.length < MIN_HISTORY_FOR_THRESHOLD) return null;
  return percentiles(rows.map((row) => cycleTimeOf(row.started, row.finished, timeZone).days)).p85;
}

/**
 * Committed and completed points of the last `last` sprints closed in the range. Without filters they
 * are the totals recorded at start and close; with filters, the recorded per-card facts of the
 * matching cards (COMMITTED at start, COMPLETED at close).
 */
export async function velocity(access: ProjectAccess, request: ReportRequest & { last?: number }, now = new Date()): Promise<VelocityReport> {
  const setup = await setupOf(access.projectId);
  const range = rangeOf(request, setup.timeZone, now, 365);
  const sprints = await db.sprint.findMany({
    where: { projectId: access.projectId, state: "CLOSED", completedAt: { gte: range.start, lt: range.end } },
    select: { id: true, name: true, committedPoints: true, completedPoints: true, completedAt: true },
  });
  let points = new Map(sprints.map((sprint) => [sprint.id, { committed: sprint.committedPoints ?? 0, completed: sprint.completedPoints ?? 0 }]));
  if (hasFilters(request) && sprints.length) {
    const rows = await sqlQuery<{ sprintId: string; committed: number; completed: number }>(Prisma.sql`
      SELECT s."sprintId",
             coalesce(sum(s.points) FILTER (WHERE s.kind = 'COMMITTED'), 0)::int AS committed,
             coalesce(sum(s.points) FILTER (WHERE s.kind = 'COMPLETED'), 0)::int AS completed
      FROM "SprintScopeChange" s JOIN "Card" c ON c.id = s."cardId"
      WHERE s."sprintId" = ANY(${sprints.map((sprint) => sprint.id)}::text[]) AND ${cardFilter(access.projectId, request)}
      GROUP BY s."sprintId"`);
    points = new Map(sprints.map((sprint) => [sprint.id, rows.find((row) => row.sprintId === sprint.id) ?? { committed: 0, completed: 0 }]));
  }
  return buildVelocity(
    sprints.map((sprint) => ({ id: sprint.id, name: sprint.name, ...points.get(sprint.id)!, completedAt: sprint.completedAt!.toISOString() })),
    request.last ?? 10,
  );
}

const SCOPE_KINDS = ["ADDED", "REMOVED", "ESTIMATE_CHANGED"] as const;

/**
 * The burndown and burnup of a started sprint of the project, from its recorded facts: the commitment
 * and scope changes (SprintScopeChange) and its cards' completions and reopenings (CardEvent).
 * Filters keep the matching cards only.
 */
export async function burndown(access: ProjectAccess, sprintId: string, request: ReportRequest = {}): Promise<BurndownReport> {
  const sprint = await db.sprint.findFirst({ where: { id: sprintId, projectId: access.projectId } });
  if (!sprint) throw notFound("Sprint");
  if (!sprint.startedAt) throw conflict("SPRINT_NOT_STARTED", "A sprint has a burndown once it has started.");
  const facts = await sqlQuery<{ cardId: string; key: string; kind: string; points: number | null; previousPoints: number | null; at: Date }>(Prisma.sql`
    SELECT s."cardId", c.key, s.kind, s.points, s."previousPoints", s.at
    FROM "SprintScopeChange" s JOIN "Card" c ON c.id = s."cardId"
    WHERE s."sprintId" = ${sprintId} AND ${cardFilter(access.projectId, request)}
    ORDER BY s.at`);
  const cardIds = [...new Set(facts.map((fact) => fact.cardId))];
  const completions = cardIds.length
    ? await sqlQuery<BurndownCompletion>(Prisma.sql`
        SELECT e."cardId", c.key, e.type AS kind, e.at
        FROM "CardEvent" e JOIN "Card" c ON c.id = e."cardId"
        WHERE e."cardId" = ANY(${cardIds}::text[]) AND e.type IN ('COMPLETED', 'REOPENED') ${sprint.completedAt ? Prisma.sql`AND e.at <= ${sprint.completedAt}::timestamp(3)` : Prisma.empty}
        ORDER BY e.at`)
    : [];
  return buildBurndown({
    sprintId: sprint.id,
    name: sprint.name,
    start: sprint.startedAt,
    end: sprint.endDate ?? sprint.startedAt,
    closedAt: sprint.completedAt,
    committed: facts.filter((fact) => fact.kind === "COMMITTED"),
    changes: facts.filter((fact): fact is typeof fact & BurndownScopeChange => (SCOPE_KINDS as readonly string[]).includes(fact.kind)),
    completions,
  });
}

/**
 * Monte Carlo forecast: `items` → the days by which that many cards are done, `until` → how many
 * cards by that day, at 50/70/85/95 % confidence. Resamples the daily throughput of the window
 * (`from`–`to`, default the last 60 days up to yesterday, today being unfinished).
 */
export async function forecast(
  access: ProjectAccess,
  request: ReportRequest & { items?: number; until?: string },
  options: { now?: Date; random?: Random; trials?: number } = {},
): Promise<ForecastReport> {
  const now = options.now ?? new Date();
  const trials = options.trials ?? DEFAULT_TRIALS;
  const random = options.random ?? Math.random;
  const setup = await setupOf(access.projectId);
  const today = dayOf(now, setup.timeZone);
  const window = rangeOf({ ...request, to: request.to ?? addDays(today, -1) }, setup.timeZone, now, DEFAULT_WINDOW_DAYS);
  const rows = await finishedCards(access.projectId, setup.stages, window.start, window.end, request);
  const samples = buildThroughput(rows.map((row) => dayOf(row.finished, setup.timeZone)), window.from, window.to, "day").buckets.map((bucket) => bucket.count);
  const base = { today, trials, window: { from: window.from, to: window.to } };
  if (request.items !== undefined) {
    return { kind: "items", items: request.items, ...base, percentiles: forecastItems({ samples, items: request.items, today, trials, random }) };
  }
  const until = request.until ?? today;
  const days = Math.max(0, daysBetween(today, until));
  return { kind: "until", until, ...base, percentiles: forecastUntil({ samples, days, trials, random }) };
}
