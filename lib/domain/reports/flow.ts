/**
 * Flow definitions (issue 13): workflow stages, cycle time, work item age, throughput and cumulative
 * flow. Instants are Dates; days are `YYYY-MM-DD` in the project's time zone.
 */
import { addDays, dayOf, daysBetween, eachDay, isoWeekStart } from "./dates";
import type { AgingZone, CumulativeFlowReport, Percentiles, ThroughputReport } from "./types";

export type StageCategory = "TODO" | "IN_PROGRESS" | "DONE";

export interface StageColumn {
  id: string;
  category: StageCategory;
}

/** A board's stage setting: null / empty means the default. */
export interface StageSetting {
  startColumnId: string | null;
  finishColumnIds: readonly string[];
}

export interface Stages {
  /** The column where work starts (null when the board has no column past the first to-do ones). */
  startColumnId: string | null;
  /** Columns whose entry starts a card: the start column, every column after it, and the finished ones. */
  startedIds: string[];
  /** Columns whose entry finishes a card. */
  finishedIds: string[];
}

/**
 * Which columns count as started and finished. Defaults: started from the first IN_PROGRESS column
 * on (or the first finished column when there is none), finished = category DONE. A setting naming
 * a column that no longer exists falls back to the default.
 */
export function resolveStages(columns: readonly StageColumn[], setting: StageSetting): Stages {
  const ids = new Set(columns.map((column) => column.id));
  const chosenFinish = setting.finishColumnIds.filter((id) => ids.has(id));
  const finishedIds = chosenFinish.length ? chosenFinish : columns.filter((column) => column.category === "DONE").map((column) => column.id);
  const startIndex = (() => {
    const chosen = setting.startColumnId ? columns.findIndex((column) => column.id === setting.startColumnId) : -1;
    if (chosen >= 0) return chosen;
    const inProgress = columns.findIndex((column) => column.category === "IN_PROGRESS");
    if (inProgress >= 0) return inProgress;
    return columns.findIndex((column) => finishedIds.includes(column.id));
  })();
  const fromStart = startIndex >= 0 ? columns.slice(startIndex).map((column) => column.id) : [];
  return { startColumnId: startIndex >= 0 ? columns[startIndex]!.id : null, startedIds: [...new Set([...fromStart, ...finishedIds])], finishedIds };
}

/** Cycle time: calendar days, both ends counted, and exact hours (one decimal). */
export function cycleTime(started: Date, finished: Date, timeZone: string): { days: number; hours: number } {
  return {
    days: daysBetween(dayOf(started, timeZone), dayOf(finished, timeZone)) + 1,
    hours: Math.round((finished.getTime() - started.getTime()) / 360_000) / 10,
  };
}

/** Work item age of an unfinished card on `today`: (today − started date) + 1. */
export function workItemAge(started: Date, today: string, timeZone: string): number {
  return daysBetween(dayOf(started, timeZone), today) + 1;
}

/** Where an age sits among past cycle times' percentiles; null without history. */
export function agingZone(ageDays: number, cycle: Percentiles): AgingZone | null {
  if (cycle.p50 === null) return null;
  if (ageDays < cycle.p50) return "below-p50";
  if (ageDays < cycle.p70!) return "p50-p70";
  if (ageDays < cycle.p85!) return "p70-p85";
  if (ageDays < cycle.p95!) return "p85-p95";
  return "above-p95";
}

/**
 * Cards finished per day or per ISO week (Monday start) from `from` to `to`, zeros included. A week
 * bucket starts on its Monday (which may precede `from`) but counts only days inside the range.
 */
export function throughput(finishDays: readonly string[], from: string, to: string, interval: "day" | "week"): ThroughputReport {
  const bucketOf = (day: string) => (interval === "day" ? day : isoWeekStart(day));
  const counts = new Map<string, number>();
  for (const day of eachDay(from, to)) counts.set(bucketOf(day), 0);
  for (const day of finishDays) {
    if (day < from || day > to) continue;
    const bucket = bucketOf(day);
    counts.set(bucket, counts.get(bucket)! + 1);
  }
  return { interval, buckets: [...counts].map(([start, count]) => ({ start, count })) };
}

/** Net change of a column's card count on one day (entries minus exits). */
export interface ColumnDelta {
  day: string;
  columnId: string;
  delta: number;
}

/**
 * Cards per column at the end of each day from `from` to `to`, columns in board order. Counted
 * backwards from today's counts: a day's count is today's minus the net entries of every later day,
 * so a card created on a day counts in its column that day and a card that skipped columns or moved
 * back is where its last move of the day put it. Columns that no longer exist are not shown.
 */
export function cumulativeFlow(input: {
  columns: readonly { id: string; name: string }[];
  current: ReadonlyMap<string, number>;
  deltas: readonly ColumnDelta[];
  from: string;
  to: string;
}): CumulativeFlowReport {
  const { columns, current, deltas, from, to } = input;
  const running = new Map(columns.map((column) => [column.id, current.get(column.id) ?? 0]));
  const byDay = new Map<string, ColumnDelta[]>();
  for (const delta of deltas) {
    if (!running.has(delta.columnId)) continue;
    if (delta.day > to) running.set(delta.columnId, running.get(delta.columnId)! - delta.delta);
    else byDay.set(delta.day, [...(byDay.get(delta.day) ?? []), delta]);
  }
  const days: CumulativeFlowReport["days"] = [];
  for (let day = to; day >= from; day = addDays(day, -1)) {
    days.push({ date: day, counts: Object.fromEntries(columns.map((column) => [column.name, running.get(column.id)!])) });
    for (const delta of byDay.get(day) ?? []) running.set(delta.columnId, running.get(delta.columnId)! - delta.delta);
  }
  return { columns: columns.map((column) => column.name), days: days.reverse() };
}
