import "server-only";
// Upserts of pull requests, runs, jobs and deployments under the ordering rules of
// lib/domain/pipeline/precedence.ts. Each record's row is locked (SELECT … FOR UPDATE) before it is
// compared, so two deliveries of one run processed at once on PostgreSQL cannot both decide from
// the same stale state; a missing row is inserted with ON CONFLICT DO NOTHING, and the loser of an
// insert race locks the winner's row instead.
import { randomUUID } from "node:crypto";
import {
  shouldReplaceDeployment,
  shouldReplaceJob,
  shouldReplacePullRequest,
  shouldReplaceRun,
} from "@/lib/domain/pipeline/precedence";
import { latestJobs, statusFromJobs } from "@/lib/domain/pipeline/summary";
import {
  type DeploymentRecord,
  type JobRecord,
  type PipelineStatus,
  type PullRequestRecord,
  type RunRecord,
} from "@/lib/domain/pipeline/types";
import type { Tx } from "../../db";
import { readStatus, storedStatus } from "./stored-status";

/** What one delivery writes into: the integration's project, and when the delivery arrived. */
export interface RecordScope {
  tx: Tx;
  projectId: string;
  integrationId: string;
  provider: string;
  repository: string;
  receivedAt: Date;
}

/**
 * `changed`: the stored record is new or different, so cards showing it need a refresh.
 * `status`: the stored status after this delivery (an older delivery leaves the newer one).
 */
export interface Upserted {
  id: string;
  changed: boolean;
  status: PipelineStatus | null;
}


const date = (iso: string | null) => (iso === null ? null : new Date(iso));
const iso = (value: Date | null) => value?.toISOString() ?? null;

/** Fields whose stored value is null and that the delivery knows; filling them is always safe. */
function missing<T extends Record<string, unknown>>(stored: T, incoming: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(incoming).filter(([key, value]) => value != null && stored[key] == null)) as Partial<T>;
}

async function lockOrCreate<Row>(lock: () => Promise<Row[]>, create: () => Promise<Array<{ id: string }>>) {
  const [existing] = await lock();
  if (existing) return { existing };
  const [created] = await create();
  if (created) return { created };
  const [winner] = await lock(); // a concurrent delivery inserted it first
  if (!winner) throw new Error("pipeline record vanished while it was being upserted");
  return { existing: winner };
}

type RunRow = {
  id: string; attempt: number; status: string; sourceAt: Date | null; statusFromJobs: boolean;
  name: string | null; url: string | null; branch: string | null; sha: string | null; startedAt: Date | null;
};

const lockRun = (scope: RecordScope, externalId: string) => scope.tx.$queryRaw<RunRow[]>`
  SELECT id, attempt, status, "sourceAt", "statusFromJobs", name, url, branch, sha, "startedAt"
  FROM "PipelineRun" WHERE "integrationId" = ${scope.integrationId} AND "externalId" = ${externalId} FOR UPDATE`;

function insertRun(scope: RecordScope, externalId: string, data: Omit<RunRow, "id">, completedAt: Date | null) {
  const { tx, projectId, integrationId, provider, repository } = scope;
  return tx.pipelineRun.createManyAndReturn({
    data: [{ id: randomUUID(), projectId, integrationId, provider, repository, externalId, completedAt, ...data }],
    skipDuplicates: true,
    select: { id: true },
  });
}

/**
 * A run-level delivery. A run known only from its jobs (`statusFromJobs`) is always replaced: the
 * provider's own run state beats our derivation.
 */
export async function upsertRun(scope: RecordScope, run: RunRecord): Promise<Upserted> {
  const state = {
    attempt: run.attempt,
    status: storedStatus(run.status),
    sourceAt: date(run.updatedAt),
    statusFromJobs: false,
    name: run.name,
    url: run.url,
    branch: run.branch,
    sha: run.sha,
    startedAt: date(run.startedAt),
  };
  const { existing, created } = await lockOrCreate(
    () => lockRun(scope, run.externalId),
    () => insertRun(scope, run.externalId, { ...state, startedAt: state.startedAt ?? scope.receivedAt }, date(run.completedAt)),
  );
  if (created) return { id: created.id, changed: true, status: run.status };
  const stored = { attempt: existing.attempt, status: readStatus(existing.status), updatedAt: iso(existing.sourceAt) };
  const replace = existing.statusFromJobs || shouldReplaceRun(stored, run);
  const status = replace && run.status !== null ? run.status : stored.status;
  const data = replace
    ? {
        ...state,
        name: run.name ?? existing.name,
        url: run.url ?? existing.url,
        branch: run.branch ?? existing.branch,
        sha: run.sha ?? existing.sha,
        startedAt: state.startedAt ?? existing.startedAt,
        completedAt: date(run.completedAt),
        // A status we cannot read keeps the stored one (and, for a run known from its jobs, its derivation).
        status: storedStatus(status),
        statusFromJobs: run.status === null && existing.statusFromJobs,
      }
    : missing(existing, { name: run.name, url: run.url, branch: run.branch, sha: run.sha });
  if (Object.keys(data).length === 0) return { id: existing.id, changed: false, status };
  await scope.tx.pipelineRun.update({ where: { id: existing.id }, data, select: { id: true } });
  return { id: existing.id, changed: true, status };
}

type JobRow = { id: string; attempt: number; status: string; sourceAt: Date | null; url: string | null; stage: string | null };

/**
 * A job-level delivery. The run is created first when the job arrives before it, from what the
 * delivery says about it (`run`); while only jobs describe a run, its status is derived from them.
 */
export async function upsertJob(
  scope: RecordScope,
  job: JobRecord,
  run: { name: string | null; url: string | null; sha: string | null },
): Promise<Upserted & { runId: string; runStatus: PipelineStatus | null | undefined }> {
  const { tx } = scope;
  const { existing: storedRun, created: stub } = await lockOrCreate(
    () => lockRun(scope, job.runExternalId),
    () =>
      insertRun(scope, job.runExternalId, {
        ...run, attempt: 1, status: storedStatus(null), sourceAt: null, statusFromJobs: true, branch: null,
        startedAt: date(job.startedAt) ?? scope.receivedAt,
      }, null),
  );
  const runId = storedRun?.id ?? stub!.id;
  const state = { attempt: job.attempt, status: storedStatus(job.status), sourceAt: date(job.updatedAt), name: job.name, stage: job.stage, url: job.url };
  const { existing, created } = await lockOrCreate(
    () => tx.$queryRaw<JobRow[]>`
      SELECT id, attempt, status, "sourceAt", url, stage FROM "PipelineJob"
      WHERE "runId" = ${runId} AND "externalId" = ${job.externalId} FOR UPDATE`,
    () => tx.pipelineJob.createManyAndReturn({ data: [{ id: randomUUID(), runId, externalId: job.externalId, ...state }], skipDuplicates: true, select: { id: true } }),
  );
  let changed = created !== undefined;
  let status = job.status;
  if (existing) {
    const stored = { attempt: existing.attempt, status: readStatus(existing.status), updatedAt: iso(existing.sourceAt) };
    const replace = shouldReplaceJob(stored, job);
    if (!replace || job.status === null) status = stored.status;
    const data = replace
      ? { ...state, status: storedStatus(status), url: job.url ?? existing.url, stage: job.stage ?? existing.stage }
      : missing(existing, { url: job.url, stage: job.stage });
    if (Object.keys(data).length > 0) {
      await tx.pipelineJob.update({ where: { id: existing.id }, data, select: { id: true } });
      changed = true;
    }
  }
  // `runStatus` is undefined when the run's own deliveries decide its status.
  const runStatus = changed && (stub !== undefined || storedRun?.statusFromJobs) ? await deriveRunStatus(tx, runId) : undefined;
  return { id: existing?.id ?? created!.id, runId, changed, status, runStatus };
}

async function deriveRunStatus(tx: Tx, runId: string): Promise<PipelineStatus | null> {
  const jobs = await tx.pipelineJob.findMany({ where: { runId }, select: { name: true, attempt: true, status: true, sourceAt: true } });
  const latest = latestJobs(jobs.map((job) => ({ ...job, at: job.sourceAt?.getTime() ?? null })));
  const status = statusFromJobs(latest.map((job) => readStatus(job.status)));
  await tx.pipelineRun.update({
    where: { id: runId },
    data: { status: storedStatus(status), attempt: Math.max(1, ...latest.map((job) => job.attempt)) },
    select: { id: true },
  });
  return status;
}

type DeploymentRow = { id: string; status: string; at: Date; sourceAt: Date | null; url: string | null; sha: string | null; ref: string | null };

export async function upsertDeployment(scope: RecordScope, deployment: DeploymentRecord): Promise<Upserted> {
  const { tx, projectId, integrationId, provider } = scope;
  const state = {
    environment: deployment.environment,
    status: storedStatus(deployment.status),
    sha: deployment.sha,
    ref: deployment.ref,
    url: deployment.url,
    // Generic deliveries may send no time at all: then the deployment happened when it arrived.
    at: date(deployment.at) ?? date(deployment.updatedAt) ?? scope.receivedAt,
    sourceAt: date(deployment.updatedAt),
  };
  const { existing, created } = await lockOrCreate(
    () => tx.$queryRaw<DeploymentRow[]>`
      SELECT id, status, at, "sourceAt", url, sha, ref FROM "Deployment"
      WHERE "integrationId" = ${integrationId} AND "externalId" = ${deployment.externalId} FOR UPDATE`,
    () =>
      tx.deployment.createManyAndReturn({
        data: [{ id: randomUUID(), projectId, integrationId, provider, externalId: deployment.externalId, ...state }],
        skipDuplicates: true,
        select: { id: true },
      }),
  );
  if (created) return { id: created.id, changed: true, status: deployment.status };
  const stored = { status: readStatus(existing.status), at: iso(existing.at), updatedAt: iso(existing.sourceAt) };
  const replace = shouldReplaceDeployment(stored, deployment);
  const status = replace && deployment.status !== null ? deployment.status : stored.status;
  const data = replace
    ? { ...state, status: storedStatus(status), url: deployment.url ?? existing.url, sha: deployment.sha ?? existing.sha, ref: deployment.ref ?? existing.ref }
    : missing(existing, { url: deployment.url, sha: deployment.sha, ref: deployment.ref });
  if (Object.keys(data).length === 0) return { id: existing.id, changed: false, status };
  await tx.deployment.update({ where: { id: existing.id }, data, select: { id: true } });
  return { id: existing.id, changed: true, status };
}

type PullRequestRow = { id: string; state: string; sourceAt: Date | null; url: string | null; headRef: string | null; headSha: string | null };

export async function upsertPullRequest(
  scope: RecordScope,
  pr: PullRequestRecord,
): Promise<Omit<Upserted, "status"> & { state: PullRequestRecord["state"] }> {
  const { tx, projectId, integrationId, provider, repository } = scope;
  const state = { title: pr.title, state: pr.state, merged: pr.merged, url: pr.url, headRef: pr.headRef, headSha: pr.headSha, sourceAt: date(pr.updatedAt) };
  const { existing, created } = await lockOrCreate(
    () => tx.$queryRaw<PullRequestRow[]>`
      SELECT id, state, "sourceAt", url, "headRef", "headSha" FROM "PullRequest"
      WHERE "integrationId" = ${integrationId} AND number = ${pr.number} FOR UPDATE`,
    () =>
      tx.pullRequest.createManyAndReturn({
        data: [{ id: randomUUID(), projectId, integrationId, provider, repository, number: pr.number, ...state }],
        skipDuplicates: true,
        select: { id: true },
      }),
  );
  if (created) return { id: created.id, changed: true, state: pr.state };
  const stored = { state: existing.state as PullRequestRecord["state"], updatedAt: iso(existing.sourceAt) };
  const replace = shouldReplacePullRequest(stored, pr);
  const data = replace
    ? { ...state, url: pr.url ?? existing.url, headRef: pr.headRef ?? existing.headRef, headSha: pr.headSha ?? existing.headSha }
    : missing(existing, { url: pr.url, headRef: pr.headRef, headSha: pr.headSha });
  const result = { id: existing.id, state: replace ? pr.state : stored.state };
  if (Object.keys(data).length === 0) return { ...result, changed: false };
  await tx.pullRequest.update({ where: { id: existing.id }, data, select: { id: true } });
  return { ...result, changed: true };
}
