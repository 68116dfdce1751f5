/**
 * Report results, shaped exactly as the public API answers them (issue 13's contract: fields may be
 * added, never renamed). Dates are ISO strings: calendar days as `YYYY-MM-DD` in the project's time
 * zone, instants as full ISO timestamps.
 */

/** Card types as the API spells them. */
export type CardTypeName = "story" | "bug" | "task" | "spike" | "epic";

/** A report's date range (calendar days, inclusive, in the project's time zone) and filters. */
export interface ReportQuery {
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, `YYYY-MM-DD` (inclusive). */
  to: string;
  type?: CardTypeName;
  label?: string;
  /** The epic's card key. */
  epic?: string;
  /** The assignee's user id. */
  assignee?: string;
}

/** Nearest-rank percentiles; null when there is nothing to rank. */
export interface Percentiles {
  p50: number | null;
  p70: number | null;
  p85: number | null;
  p95: number | null;
}

export interface CumulativeFlowReport {
  /** Column names in board order. */
  columns: string[];
  /** One entry per day of the range: cards in each column at the end of that day. */
  days: { date: string; counts: Record<string, number> }[];
}

export interface CycleTimeItem {
  key: string;
  title: string;
  /** Instant of the card's first entry into a started-or-later column. */
  started: string;
  /** Instant of the card's last entry into a finished column. */
  finished: string;
  /** (finished date − started date) + 1, calendar dates in the project's time zone. */
  days: number;
  /** Exact elapsed hours, rounded to one decimal. */
  hours: number;
}

export interface CycleTimeReport {
  /** Cards finished within the range, in finishing order. */
  items: CycleTimeItem[];
  /** Of `items[].days`. */
  percentiles: Percentiles;
}

export interface ThroughputReport {
  interval: "day" | "week";
  /** Every day (or ISO week, Monday start) of the range, zeros included. `start` is `YYYY-MM-DD`. */
  buckets: { start: string; count: number }[];
}

/** Where an age sits against past cycle times: below p50, p50–p70, p70–p85, p85–p95, at or above p95. */
export type AgingZone = "below-p50" | "p50-p70" | "p70-p85" | "p85-p95" | "above-p95";

export interface AgingItem {
  key: string;
  title: string;
  /** The column's name. */
  column: string;
  /** (today − started date) + 1. */
  ageDays: number;
  /** Null when there are no past cycle times to compare with. */
  zone?: AgingZone | null;
}

export interface AgingReport {
  /** Started, unfinished cards, oldest first. */
  items: AgingItem[];
  /** Of the cycle times of cards finished within the range (the zones' edges). */
  percentiles: Percentiles;
}

export interface VelocitySprint {
  id: string;
  name: string;
  /** Points committed at the sprint's start. */
  committed: number;
  /** Points finished within the sprint, including work added during it. */
  completed: number;
  /** When the sprint closed (ISO instant). */
  completedAt: string;
}

export interface VelocityReport {
  /** Closed sprints that ended within the range, oldest first (at most the last `limit`). */
  sprints: VelocitySprint[];
  /** Mean completed points; null with no sprints. */
  average: number | null;
  /** Lowest and highest completed points; null with no sprints. */
  range: { min: number; max: number } | null;
}

export type BurndownChange = "start" | "done" | "added" | "removed" | "estimate" | "reopened";

export interface BurndownPoint {
  /** ISO instant of the step. */
  at: string;
  /** Points of the sprint's cards not finished, after this step. */
  remaining: number;
  /** Points of all the sprint's cards, after this step. */
  scope: number;
  change: BurndownChange;
  cardKey?: string;
  /** Points this step moved (signed change of `remaining`, or of `scope` for estimate/added/removed). */
  points?: number;
  /** Burnup: points finished so far (scope − remaining). */
  completed: number;
}

export interface BurndownReport {
  sprintId: string;
  name: string;
  /** Points at the start (the commitment). */
  committed: number;
  /** Sprint start and planned end (ISO instants). */
  start: string;
  end: string;
  /** When the sprint was closed, if it was. */
  completedAt: string | null;
  /** Step series from the start: one entry per change, in time order. */
  series: BurndownPoint[];
  /** Ideal line: the commitment at `start` to zero at the planned `end`. */
  guideline: { at: string; remaining: number }[];
  /** Burnup: points completed against scope after each step (same steps as `series`). */
  burnup: { at: string; completed: number; scope: number }[];
}

export interface ForecastReport {
  /** "items": when will N cards be done (percentiles are dates); "until": how many by a date (counts). */
  kind: "items" | "until";
  /** Cards to finish ("items") — absent for "until". */
  items?: number;
  /** The target day ("until") — absent for "items". */
  until?: string;
  /** The day the simulation starts from (today in the project's time zone). */
  today: string;
  trials: number;
  /** The days whose throughput was resampled (inclusive). */
  window: { from: string; to: string };
  /**
   * "items": the day by which the N cards are done with that confidence (`YYYY-MM-DD`), or null when
   * the window finished nothing. "until": "N or more" cards by the day with that confidence.
   */
  percentiles: {
    p50: string | number | null;
    p70: string | number | null;
    p85: string | number | null;
    p95: string | number | null;
  };
}
