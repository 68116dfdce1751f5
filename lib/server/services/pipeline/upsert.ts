import "server-only";
// Set-based upserts of pipeline records for a batch of deliveries, in a few statements per table:
// lock the existing rows (SELECT … FOR UPDATE, in key order so concurrent batches cannot deadlock),
// fold each record's deliveries over its stored state (merge.ts), insert the new rows with
// ON CONFLICT DO NOTHING, and update the rows whose state changed. A row a concurrent batch
// inserted first is locked and folded like any existing one.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../../db";
import { insertIgnoringConflicts } from "./sql";
import { sameState, type DeploymentState, type JobState, type PullRequestState, type RunState } from "./merge";

export interface Upserted<State> {
  id: string;
  state: State;
  /** The row is new or its state changed. */
  changed: boolean;
}

interface Table<Key, State> {
  keyOf(key: Key): string;
  lock(tx: Tx, keys: Key[]): Promise<Array<{ id: string; key: string; state: State }>>;
  insert(tx: Tx, rows: Array<{ key: Key; state: State }>): Promise<Array<{ id: string; key: string }>>;
  update(tx: Tx, id: string, state: State): Promise<unknown>;
}

const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Upserts one row per group; `fold` applies the group's items in order. Results by `keyOf`. */
export async function upsertAll<Key, State extends object, Item>(
  tx: Tx,
  table: Table<Key, State>,
  groups: ReadonlyArray<{ key: Key; items: Item[] }>,
  fold: (state: State | null, item: Item) => State,
): Promise<Map<string, Upserted<State>>> {
  const results = new Map<string, Upserted<State>>();
  if (groups.length === 0) return results;
  const foldAll = (initial: State | null, items: Item[]) => items.reduce<State | null>(fold, initial) as State;
  const locked = new Map((await table.lock(tx, groups.map((g) => g.key))).map((row) => [row.key, row]));
  // New rows go in key order, like the locks: two batches inserting the same new keys then wait
  // for each other in one direction only, never in a cycle.
  const fresh = groups.filter((g) => !locked.has(table.keyOf(g.key))).sort((a, b) => compareKeys(table.keyOf(a.key), table.keyOf(b.key)));
  const inserted = new Map(
    fresh.length ? (await table.insert(tx, fresh.map((g) => ({ key: g.key, state: foldAll(null, g.items) })))).map((row) => [row.key, row.id]) : [],
  );
  const raced = fresh.filter((g) => !inserted.has(table.keyOf(g.key)));
  if (raced.length) for (const row of await table.lock(tx, raced.map((g) => g.key))) locked.set(row.key, row);

  for (const group of groups) {
    const key = table.keyOf(group.key);
    const insertedId = inserted.get(key);
    if (insertedId !== undefined) {
      results.set(key, { id: insertedId, state: foldAll(null, group.items), changed: true });
      continue;
    }
    const row = locked.get(key)!;
    const state = foldAll(row.state, group.items);
    const changed = !sameState(row.state, state);
    if (changed) await table.update(tx, row.id, state);
    results.set(key, { id: row.id, state, changed });
  }
  return results;
}

/** Identity of a record delivered through an integration: where a new row belongs. */
export interface SourceKey {
  integrationId: string;
  projectId: string;
  provider: string;
  repository: string;
}
export type ExternalKey = SourceKey & { externalId: string };

// Column lists in one place, so inserts and the states of merge.ts cannot drift apart.
const SOURCE_COLUMNS = ["id", "integrationId", "projectId", "provider", "repository"] as const;
const sourceValues = (key: SourceKey) => [key.integrationId, key.projectId, key.provider, key.repository];
const RUN_COLUMNS = ["attempt", "status", "sourceAt", "statusFromJobs", "name", "url", "branch", "sha", "startedAt", "completedAt"] as const satisfies ReadonlyArray<keyof RunState>;
const JOB_COLUMNS = ["attempt", "status", "sourceAt", "name", "stage", "url"] as const satisfies ReadonlyArray<keyof JobState>;
const DEPLOYMENT_COLUMNS = ["environment", "status", "sha", "ref", "url", "at", "sourceAt", "tier"] as const satisfies ReadonlyArray<keyof DeploymentState>;
const PULL_REQUEST_COLUMNS = ["title", "state", "merged", "url", "headRef", "headSha", "sourceAt"] as const satisfies ReadonlyArray<keyof PullRequestState>;

const tuples = (pairs: Array<[string | number, string | number]>) => Prisma.join(pairs.map(([a, b]) => Prisma.sql`(${a}, ${b})`));
const externalKey = (integrationId: string, externalId: string) => `${integrationId} ${externalId}`;

type RunRow = RunState & { id: string; integrationId: string; externalId: string };

export const runsTable: Table<ExternalKey, RunState> = {
  keyOf: (key) => externalKey(key.integrationId, key.externalId),
  lock: async (tx, keys) => {
    const rows = await tx.$queryRaw<RunRow[]>`
      SELECT id, "integrationId", "externalId", attempt, status, "sourceAt", "statusFromJobs", name, url, branch, sha, "startedAt", "completedAt"
      FROM "PipelineRun" WHERE ("integrationId", "externalId") IN (${tuples(keys.map((k) => [k.integrationId, k.externalId]))})
      ORDER BY "integrationId", "externalId" FOR UPDATE`;
    return rows.map(({ id, integrationId, externalId, ...state }) => ({ id, key: externalKey(integrationId, externalId), state }));
  },
  insert: async (tx, rows) =>
    (
      await insertIgnoringConflicts<{ id: string; integrationId: string; externalId: string }>(tx, "PipelineRun", [...SOURCE_COLUMNS, "externalId", ...RUN_COLUMNS], rows.map(({ key, state }) => [randomUUID(), ...sourceValues(key), key.externalId, ...RUN_COLUMNS.map((c) => state[c])]), ["id", "integrationId", "externalId"])
    ).map((row) => ({ id: row.id, key: externalKey(row.integrationId, row.externalId) })),
  update: (tx, id, state) => tx.pipelineRun.update({ where: { id }, data: state, select: { id: true } }),
};

export type JobKey = { runId: string; externalId: string };
type JobRow = JobState & { id: string; runId: string; externalId: string };

export const jobsTable: Table<JobKey, JobState> = {
  keyOf: (key) => externalKey(key.runId, key.externalId),
  lock: async (tx, keys) => {
    const rows = await tx.$queryRaw<JobRow[]>`
      SELECT id, "runId", "externalId", attempt, status, "sourceAt", name, stage, url
      FROM "PipelineJob" WHERE ("runId", "externalId") IN (${tuples(keys.map((k) => [k.runId, k.externalId]))})
      ORDER BY "runId", "externalId" FOR UPDATE`;
    return rows.map(({ id, runId, externalId, ...state }) => ({ id, key: externalKey(runId, externalId), state }));
  },
  insert: async (tx, rows) =>
    (
      await insertIgnoringConflicts<{ id: string; runId: string; externalId: string }>(tx, "PipelineJob", ["id", "runId", "externalId", ...JOB_COLUMNS], rows.map(({ key, state }) => [randomUUID(), key.runId, key.externalId, ...JOB_COLUMNS.map((c) => state[c])]), ["id", "runId", "externalId"])
    ).map((row) => ({ id: row.id, key: externalKey(row.runId, row.externalId) })),
  update: (tx, id, state) => tx.pipelineJob.update({ where: { id }, data: state, select: { id: true } }),
};

type DeploymentRow = DeploymentState & { id: string; integrationId: string; externalId: string };

export const deploymentsTable: Table<ExternalKey, DeploymentState> = {
  keyOf: (key) => externalKey(key.integrationId, key.externalId),
  lock: async (tx, keys) => {
    const rows = await tx.$queryRaw<DeploymentRow[]>`
      SELECT id, "integrationId", "externalId", environment, status, sha, ref, url, at, "sourceAt", tier
      FROM "Deployment" WHERE ("integrationId", "externalId") IN (${tuples(keys.map((k) => [k.integrationId, k.externalId]))})
      ORDER BY "integrationId", "externalId" FOR UPDATE`;
    return rows.map(({ id, integrationId, externalId, ...state }) => ({ id, key: externalKey(integrationId, externalId), state }));
  },
  insert: async (tx, rows) =>
    (
      await insertIgnoringConflicts<{ id: string; integrationId: string; externalId: string }>(
        tx,
        "Deployment",
        // Deployments are not per repository (a deploy ships the whole project).
        ["id", "integrationId", "projectId", "provider", "externalId", ...DEPLOYMENT_COLUMNS],
        rows.map(({ key, state }) => [randomUUID(), key.integrationId, key.projectId, key.provider, key.externalId, ...DEPLOYMENT_COLUMNS.map((c) => state[c])]),
        ["id", "integrationId", "externalId"],
      )
    ).map((row) => ({ id: row.id, key: externalKey(row.integrationId, row.externalId) })),
  update: (tx, id, state) => tx.deployment.update({ where: { id }, data: state, select: { id: true } }),
};

export type PullRequestKey = SourceKey & { number: number };
type PullRequestRow = PullRequestState & { id: string; integrationId: string; number: number };

export const pullRequestsTable: Table<PullRequestKey, PullRequestState> = {
  keyOf: (key) => externalKey(key.integrationId, String(key.number)),
  lock: async (tx, keys) => {
    const rows = await tx.$queryRaw<PullRequestRow[]>`
      SELECT id, "integrationId", number, title, state, merged, url, "headRef", "headSha", "sourceAt"
      FROM "PullRequest" WHERE ("integrationId", number) IN (${tuples(keys.map((k) => [k.integrationId, k.number]))})
      ORDER BY "integrationId", number FOR UPDATE`;
    return rows.map(({ id, integrationId, number, ...state }) => ({ id, key: externalKey(integrationId, String(number)), state }));
  },
  insert: async (tx, rows) =>
    (
      await insertIgnoringConflicts<{ id: string; integrationId: string; number: number }>(tx, "PullRequest", [...SOURCE_COLUMNS, "number", ...PULL_REQUEST_COLUMNS], rows.map(({ key, state }) => [randomUUID(), ...sourceValues(key), key.number, ...PULL_REQUEST_COLUMNS.map((c) => state[c])]), ["id", "integrationId", "number"])
    ).map((row) => ({ id: row.id, key: externalKey(row.integrationId, String(row.number)) })),
  update: (tx, id, state) => tx.pullRequest.update({ where: { id }, data: state, select: { id: true } }),
};
