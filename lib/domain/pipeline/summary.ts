import type { PipelineStatus } from "./types";

/**
 * Reductions the card's Development panel and badge share. Pure.
 */

export interface AttemptedJob {
  name: string;
  attempt: number;
  /** Provider time of the job's state in ms, `null` when unknown. */
  at: number | null;
}

/**
 * One job per name: the highest attempt, then the later time. A re-run
 * (GitHub run_attempt 2, a retried GitLab job) creates new job records with
 * the same name; only the newest says how the job stands. First-seen order
 * of names is kept.
 */
export function latestJobs<T extends AttemptedJob>(jobs: readonly T[]): T[] {
  const byName = new Map<string, T>();
  for (const job of jobs) {
    const current = byName.get(job.name);
    if (current === undefined || newer(job, current)) byName.set(job.name, job);
  }
  return [...byName.values()];
}

function newer(a: AttemptedJob, b: AttemptedJob): boolean {
  if (a.attempt !== b.attempt) return a.attempt > b.attempt;
  return (a.at ?? -Infinity) > (b.at ?? -Infinity);
}

/**
 * Status of a run known only through its jobs (no run-level delivery yet):
 * - no known job status -> `null`;
 * - any failure -> failure (red as soon as one job fails);
 * - else any running, or queued jobs next to finished ones -> running;
 * - else all queued -> queued;
 * - else any cancelled -> cancelled; all skipped -> skipped; otherwise success.
 */
export function statusFromJobs(statuses: ReadonlyArray<PipelineStatus | null>): PipelineStatus | null {
  const known = statuses.filter((status): status is PipelineStatus => status !== null);
  if (known.length === 0) return null;
  const has = (status: PipelineStatus) => known.includes(status);
  if (has("failure")) return "failure";
  if (has("running")) return "running";
  if (has("queued")) return known.every((status) => status === "queued") ? "queued" : "running";
  if (has("cancelled")) return "cancelled";
  return known.every((status) => status === "skipped") ? "skipped" : "success";
}

/** The latest item per key (e.g. deployment per environment) by `at`; keys in order of first appearance. */
export function latestPerKey<T>(items: readonly T[], keyOf: (item: T) => string, at: (item: T) => number): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const current = byKey.get(keyOf(item));
    if (current === undefined || at(item) > at(current)) byKey.set(keyOf(item), item);
  }
  return [...byKey.values()];
}
