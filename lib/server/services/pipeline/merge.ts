// How one delivery's record changes the stored state of a pull request, run, job or deployment:
// lib/domain/pipeline/precedence.ts decides whether it replaces the state; if not, it may still
// fill fields the stored state lacks (a run first known from its jobs has no URL yet). Pure: a
// batch of deliveries for one record is a left fold of these functions over the stored state.
import {
  shouldReplaceDeployment,
  shouldReplaceJob,
  shouldReplacePullRequest,
  shouldReplaceRun,
} from "@/lib/domain/pipeline/precedence";
import type { DeploymentRecord, JobRecord, PullRequestRecord, RunRecord } from "@/lib/domain/pipeline/types";
import { readStatus, storedStatus } from "./stored-status";

export interface RunState {
  attempt: number;
  status: string;
  sourceAt: Date | null;
  /** True while only job deliveries described the run: `status` is then derived from its jobs. */
  statusFromJobs: boolean;
  name: string | null;
  url: string | null;
  branch: string | null;
  sha: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
}

export interface JobState {
  attempt: number;
  status: string;
  sourceAt: Date | null;
  name: string;
  stage: string | null;
  url: string | null;
}

export interface DeploymentState {
  environment: string;
  status: string;
  sha: string | null;
  ref: string | null;
  url: string | null;
  at: Date;
  sourceAt: Date | null;
  tier: string | null;
}

export interface PullRequestState {
  title: string;
  state: PullRequestRecord["state"];
  merged: boolean;
  url: string | null;
  headRef: string | null;
  headSha: string | null;
  sourceAt: Date | null;
}

const date = (iso: string | null) => (iso === null ? null : new Date(iso));
const iso = (value: Date | null) => value?.toISOString() ?? null;

/** `state` with the given fields filled where it has none. */
function fill<T extends object>(state: T, values: Partial<T>): T {
  const filled = { ...state };
  for (const [key, value] of Object.entries(values) as Array<[keyof T, T[keyof T]]>) if (value != null && state[key] == null) filled[key] = value;
  return filled;
}

/** Whether two states hold the same values (dates by instant). */
export function sameState<T extends object>(a: T, b: T): boolean {
  return (Object.keys(b) as Array<keyof T>).every((key) => {
    const [x, y] = [a[key], b[key]];
    return x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : x === y;
  });
}

/**
 * A run-level delivery. A run known only from its jobs is always replaced: the provider's own run
 * state beats our derivation. A status we cannot read keeps the stored one. Without a start time
 * the run counts as started when it was first received (the card's "latest run" orders by start).
 */
export function mergeRun(state: RunState | null, run: RunRecord, receivedAt: Date): RunState {
  const incoming: RunState = {
    attempt: run.attempt, status: storedStatus(run.status), sourceAt: date(run.updatedAt), statusFromJobs: false,
    name: run.name, url: run.url, branch: run.branch, sha: run.sha, startedAt: date(run.startedAt), completedAt: date(run.completedAt),
  };
  if (state === null) return { ...incoming, startedAt: incoming.startedAt ?? receivedAt };
  const stored = { attempt: state.attempt, status: readStatus(state.status), updatedAt: iso(state.sourceAt) };
  if (!state.statusFromJobs && !shouldReplaceRun(stored, run)) return fill(state, { name: run.name, url: run.url, branch: run.branch, sha: run.sha });
  return {
    ...incoming,
    status: run.status === null ? state.status : incoming.status,
    statusFromJobs: run.status === null && state.statusFromJobs,
    name: run.name ?? state.name,
    url: run.url ?? state.url,
    branch: run.branch ?? state.branch,
    sha: run.sha ?? state.sha,
    startedAt: incoming.startedAt ?? state.startedAt,
  };
}

/** What a job delivery tells about its run, for a run it arrives before. */
export type RunHint = Pick<RunState, "name" | "url" | "sha">;

/** A job's run: created from the job when missing; a run still known only from jobs learns what it lacks. */
export function mergeRunHint(state: RunState | null, hint: RunHint, job: JobRecord, receivedAt: Date): RunState {
  if (state === null) {
    return { attempt: 1, status: storedStatus(null), sourceAt: null, statusFromJobs: true, branch: null, completedAt: null, ...hint, startedAt: date(job.startedAt) ?? receivedAt };
  }
  return state.statusFromJobs ? fill(state, hint) : state;
}

export function mergeJob(state: JobState | null, job: JobRecord): JobState {
  const incoming: JobState = { attempt: job.attempt, status: storedStatus(job.status), sourceAt: date(job.updatedAt), name: job.name, stage: job.stage, url: job.url };
  if (state === null) return incoming;
  const stored = { attempt: state.attempt, status: readStatus(state.status), updatedAt: iso(state.sourceAt) };
  if (!shouldReplaceJob(stored, job)) return fill(state, { url: job.url, stage: job.stage });
  return { ...incoming, status: job.status === null ? state.status : incoming.status, url: job.url ?? state.url, stage: job.stage ?? state.stage };
}

/** Generic deliveries may carry no time at all: the deployment then happened when it was received. */
export function mergeDeployment(state: DeploymentState | null, deployment: DeploymentRecord, receivedAt: Date): DeploymentState {
  const incoming: DeploymentState = {
    environment: deployment.environment, status: storedStatus(deployment.status), sha: deployment.sha, ref: deployment.ref, url: deployment.url,
    at: date(deployment.at) ?? date(deployment.updatedAt) ?? receivedAt, sourceAt: date(deployment.updatedAt), tier: deployment.tier ?? null,
  };
  if (state === null) return incoming;
  const stored = { status: readStatus(state.status), at: iso(state.at), updatedAt: iso(state.sourceAt) };
  if (!shouldReplaceDeployment(stored, deployment)) return fill(state, { url: deployment.url, sha: deployment.sha, ref: deployment.ref, tier: incoming.tier });
  return {
    ...incoming,
    status: deployment.status === null ? state.status : incoming.status,
    url: deployment.url ?? state.url,
    sha: deployment.sha ?? state.sha,
    ref: deployment.ref ?? state.ref,
    tier: incoming.tier ?? state.tier,
  };
}

export function mergePullRequest(state: PullRequestState | null, pr: PullRequestRecord): PullRequestState {
  const incoming: PullRequestState = { title: pr.title, state: pr.state, merged: pr.merged, url: pr.url, headRef: pr.headRef, headSha: pr.headSha, sourceAt: date(pr.updatedAt) };
  if (state === null) return incoming;
  if (!shouldReplacePullRequest({ state: state.state, updatedAt: iso(state.sourceAt) }, pr)) return fill(state, { url: pr.url, headRef: pr.headRef, headSha: pr.headSha });
  return { ...incoming, url: pr.url ?? state.url, headRef: pr.headRef ?? state.headRef, headSha: pr.headSha ?? state.headSha };
}
