import {
  isTerminalStatus,
  type DeploymentRecord,
  type JobRecord,
  type PipelineStatus,
  type PullRequestRecord,
  type RunRecord,
} from "./types";

/**
 * Ordering rules for out-of-order and repeated deliveries. Each function
 * answers whether `incoming` should overwrite the stored `existing` state of
 * the same record (same externalId / PR number). All are pure, total and
 * deterministic: equal inputs keep `existing`, so replaying a delivery is a
 * no-op. Timestamps are ISO strings or `null` (unknown).
 *
 * When times are equal or unknown, progress decides: queued < running <
 * terminal. Providers stamp consecutive states within the same second (a
 * check run's start and completion), and time alone would then let the
 * arrival order win.
 */

export type RunState = Pick<RunRecord, "attempt" | "status" | "updatedAt">;
export type JobState = Pick<JobRecord, "attempt" | "status" | "updatedAt">;
export type DeploymentState = Pick<DeploymentRecord, "status" | "at" | "updatedAt">;
export type PullRequestState = Pick<PullRequestRecord, "state" | "updatedAt">;

/**
 * Invariants:
 * 1. A higher `attempt` always replaces a lower one, and a lower never
 *    replaces a higher (a re-run supersedes the run it repeats, whatever the
 *    times and states).
 * 2. Within one attempt a terminal status is never replaced by a
 *    non-terminal one (a late "in_progress" cannot reopen a finished run).
 * 3. Otherwise the later `updatedAt` wins; on a tie or unknown time the
 *    further progressed status wins; a full tie keeps `existing`.
 */
export function shouldReplaceRun(existing: RunState, incoming: RunState): boolean {
  if (incoming.attempt !== existing.attempt) return incoming.attempt > existing.attempt;
  return laterAttemptState(existing.status, existing.updatedAt, incoming.status, incoming.updatedAt);
}

/** Same invariants as `shouldReplaceRun`, for one job. */
export function shouldReplaceJob(existing: JobState, incoming: JobState): boolean {
  if (incoming.attempt !== existing.attempt) return incoming.attempt > existing.attempt;
  return laterAttemptState(existing.status, existing.updatedAt, incoming.status, incoming.updatedAt);
}

/**
 * Invariants for one deployment (one GitHub deployment id / GitLab
 * `deployment_id`):
 * 1. A terminal status is never replaced by queued/running/unknown.
 * 2. Otherwise the later status time (`at`, else `updatedAt`) wins; ties and
 *    unknown times fall back to progress; a full tie keeps `existing`.
 * Terminal -> terminal with a later time is allowed: GitHub moves a
 * successful deployment to `inactive` when a newer one replaces it.
 */
export function shouldReplaceDeployment(existing: DeploymentState, incoming: DeploymentState): boolean {
  return laterAttemptState(
    existing.status,
    existing.at ?? existing.updatedAt,
    incoming.status,
    incoming.at ?? incoming.updatedAt,
  );
}

const PR_RANK: Record<PullRequestState["state"], number> = { open: 0, closed: 1, merged: 2 };

/**
 * Invariants for one pull/merge request:
 * 1. Merged is final: it is never replaced by open or closed, and it replaces
 *    either whatever their times (neither provider reopens a merged request).
 *    A later merged state replaces an earlier one (title edits).
 * 2. Closed goes back to open only when the open state is strictly later
 *    (a reopen); an older "opened" arriving late is dropped.
 * 3. Otherwise the later `updatedAt` wins; ties fall back to open < closed;
 *    a full tie keeps `existing`.
 */
export function shouldReplacePullRequest(existing: PullRequestState, incoming: PullRequestState): boolean {
  const order = compareTimes(incoming.updatedAt, existing.updatedAt);
  if (existing.state === "merged") return incoming.state === "merged" && order !== null && order > 0;
  if (incoming.state === "merged") return true;
  if (existing.state === "closed" && incoming.state === "open") return order !== null && order > 0;
  if (order !== null && order !== 0) return order > 0;
  return PR_RANK[incoming.state] > PR_RANK[existing.state];
}

function laterAttemptState(
  existingStatus: PipelineStatus | null,
  existingAt: string | null,
  incomingStatus: PipelineStatus | null,
  incomingAt: string | null,
): boolean {
  if (isTerminalStatus(existingStatus) && !isTerminalStatus(incomingStatus)) return false;
  const order = compareTimes(incomingAt, existingAt);
  if (order !== null && order !== 0) return order > 0;
  return progress(incomingStatus) > progress(existingStatus);
}

function progress(status: PipelineStatus | null): number {
  if (status === null) return -1;
  if (status === "queued") return 0;
  if (status === "running") return 1;
  return 2;
}

/** Sign of a - b in time, or `null` when either side is missing or unparsable. */
function compareTimes(a: string | null, b: string | null): number | null {
  if (a === null || b === null) return null;
  const left = Date.parse(a);
  const right = Date.parse(b);
  if (Number.isNaN(left) || Number.isNaN(right)) return null;
  return Math.sign(left - right);
}
