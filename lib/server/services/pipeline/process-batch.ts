import "server-only";
// Processing of a batch of stored deliveries in one transaction, with a fixed number of statements
// per batch rather than per delivery: normalize each delivery, look up the cards they name, upsert
// pull requests, runs, jobs and deployments (folding several deliveries of one record in arrival
// order), link cards, then tell open boards and the pipeline hooks what changed. A batch of one
// is the single-delivery case; the queue falls back to it when a batch fails.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { findCardKeys } from "@/lib/domain/pipeline/card-keys";
import { latestJobs, statusFromJobs } from "@/lib/domain/pipeline/summary";
import type { DeploymentRecord, JobRecord, PipelineEvent, RunRecord } from "@/lib/domain/pipeline/types";
import type { Tx } from "../../db";
import { publishBoardEvents } from "../../realtime";
import { recordIncident, recordPushes, recordShipped } from "../delivery/record";
import { onPipelineChanges, type PipelineChange, type PipelineChangeRecord } from "../pipeline-hooks";
import { cardsNamed, existingCards, inheritedCards, link, recordCommits, type CardRef, type Link } from "./links";
import { mergeDeployment, mergeJob, mergePullRequest, mergeRun, mergeRunHint, type RunHint, type RunState } from "./merge";
import { derivedFields, prepareDelivery, type IntegrationContext, type ProcessOutcome } from "./prepare";
import { readStatus, storedStatus } from "./stored-status";
import { deploymentsTable, jobsTable, pullRequestsTable, runsTable, upsertAll, type SourceKey, type Upserted } from "./upsert";

const YIELD_EVERY = 8;

export interface StoredDelivery {
  id: string;
  integrationId: string;
  event: string;
  body: string | null;
  receivedAt: Date;
}

interface Work {
  id: string;
  receivedAt: Date;
  projectKey: string;
  source: SourceKey;
  event: PipelineEvent;
  named: CardRef[];
}

type RunItem = { run: RunRecord; receivedAt: Date } | { job: JobRecord; hint: RunHint; receivedAt: Date };
const foldRun = (state: RunState | null, item: RunItem) =>
  "run" in item ? mergeRun(state, item.run, item.receivedAt) : mergeRunHint(state, item.hint, item.job, item.receivedAt);

function grouped<K, I>(entries: Array<{ key: K; item: I }>, keyOf: (key: K) => string) {
  const groups = new Map<string, { key: K; items: I[] }>();
  for (const { key, item } of entries) {
    const id = keyOf(key);
    if (!groups.has(id)) groups.set(id, { key, items: [] });
    groups.get(id)!.items.push(item);
  }
  return [...groups.values()];
}

const prKey = (w: Work) => pullRequestsTable.keyOf({ ...w.source, number: w.event.records.pullRequest!.number });
const runKey = (w: Work) => runsTable.keyOf({ ...w.source, externalId: w.event.records.run?.externalId ?? w.event.records.job!.runExternalId });
const deploymentKey = (w: Work) => deploymentsTable.keyOf({ ...w.source, externalId: w.event.records.deployment!.externalId });
const hasRun = (w: Work) => w.event.records.run !== undefined || w.event.records.job !== undefined;

/** Looks up, per project, only the card keys the batch mentions, then names each delivery's cards. */
async function nameCards(tx: Tx, works: Work[]) {
  const candidates = new Map<string, Set<string>>();
  for (const w of works) {
    const keys = candidates.get(w.source.projectId) ?? new Set<string>();
    for (const key of findCardKeys(w.event.keyTexts, w.projectKey)) keys.add(key);
    candidates.set(w.source.projectId, keys);
  }
  const cards = new Map<string, Map<string, CardRef>>();
  for (const [projectId, keys] of candidates) cards.set(projectId, await existingCards(tx, projectId, [...keys]));
  for (const w of works) w.named = cardsNamed(w.event.keyTexts, w.projectKey, cards.get(w.source.projectId)!);
}

/** A run known only from its jobs takes its status from their latest attempts. */
async function deriveRunStatuses(tx: Tx, runs: Upserted<RunState>[]) {
  if (runs.length === 0) return;
  const jobs = await tx.pipelineJob.findMany({ where: { runId: { in: runs.map((run) => run.id) } }, select: { runId: true, name: true, attempt: true, status: true, sourceAt: true } });
  for (const run of runs) {
    const latest = latestJobs(jobs.filter((job) => job.runId === run.id).map((job) => ({ ...job, at: job.sourceAt?.getTime() ?? null })));
    const status = storedStatus(statusFromJobs(latest.map((job) => readStatus(job.status))));
    const attempt = Math.max(1, ...latest.map((job) => job.attempt));
    if (status === run.state.status && attempt === run.state.attempt) continue;
    run.state = { ...run.state, status, attempt };
    run.changed = true;
    await tx.pipelineRun.update({ where: { id: run.id }, data: { status, attempt }, select: { id: true } });
  }
}

export async function processBatch(tx: Tx, deliveries: readonly StoredDelivery[], integrations: ReadonlyMap<string, IntegrationContext>): Promise<Map<string, ProcessOutcome>> {
  const outcomes = new Map<string, ProcessOutcome>();
  const works: Work[] = [];
  const ordered = [...deliveries].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  for (const [i, delivery] of ordered.entries()) {
    // Parsing a batch of bodies is milliseconds of CPU: let waiting webhook acknowledgements in.
    if (i > 0 && i % YIELD_EVERY === 0) await yieldToEventLoop();
    const integration = integrations.get(delivery.integrationId);
    if (!integration) continue; // deleted, with its deliveries, since they were claimed
    const prepared = prepareDelivery(integration, delivery);
    if ("result" in prepared) outcomes.set(delivery.id, prepared);
    else {
      const source = { integrationId: integration.id, projectId: integration.projectId, provider: integration.provider, repository: prepared.repository ?? "" };
      works.push({ id: delivery.id, receivedAt: delivery.receivedAt, projectKey: integration.projectKey, source, event: prepared, named: [] });
    }
  }
  if (works.length === 0) return outcomes;
  await nameCards(tx, works);

  const withPr = works.filter((w) => w.event.records.pullRequest);
  const withRun = works.filter(hasRun);
  const withJob = works.filter((w) => w.event.records.job);
  const withDeployment = works.filter((w) => w.event.records.deployment);

  const pullRequests = await upsertAll(tx, pullRequestsTable, grouped(withPr.map((w) => ({ key: { ...w.source, number: w.event.records.pullRequest!.number }, item: w.event.records.pullRequest! })), pullRequestsTable.keyOf), mergePullRequest);
  const runItem = (w: Work): RunItem => {
    const { run, job } = w.event.records;
    if (run) return { run, receivedAt: w.receivedAt };
    // The delivery's run URL is the run's page when it is not the job's own (CircleCI: the workflow).
    const hint = { name: w.event.pipeline, url: w.event.runUrl !== job!.url ? w.event.runUrl : null, sha: w.event.shas.length === 1 ? w.event.shas[0]! : null };
    return { job: job!, hint, receivedAt: w.receivedAt };
  };
  const runExternalId = (w: Work) => w.event.records.run?.externalId ?? w.event.records.job!.runExternalId;
  const runs = await upsertAll(tx, runsTable, grouped(withRun.map((w) => ({ key: { ...w.source, externalId: runExternalId(w) }, item: runItem(w) })), runsTable.keyOf), foldRun);
  const jobs = await upsertAll(tx, jobsTable, grouped(withJob.map((w) => ({ key: { runId: runs.get(runKey(w))!.id, externalId: w.event.records.job!.externalId }, item: w.event.records.job! })), jobsTable.keyOf), mergeJob);
  const jobRuns = new Map(withJob.map((w) => [jobsTable.keyOf({ runId: runs.get(runKey(w))!.id, externalId: w.event.records.job!.externalId }), runs.get(runKey(w))!]));
  const rederive = new Set([...jobs].filter(([, job]) => job.changed).map(([key]) => jobRuns.get(key)!));
  await deriveRunStatuses(tx, [...rederive].filter((run) => run.state.statusFromJobs));

  const links = (ws: Work[], idOf: (w: Work) => string): Link[] => ws.flatMap((w) => w.named.map((card) => ({ cardId: card.id, recordId: idOf(w) })));
  const prLinks = await link(tx, "pullRequest", links(withPr, (w) => pullRequests.get(prKey(w))!.id), [...pullRequests.values()].map((r) => r.id));
  const runLinks = await link(tx, "run", links(withRun, (w) => runs.get(runKey(w))!.id), [...runs.values()].map((r) => r.id));

  // Every commit a delivery mentions belongs to the work of the cards of its records.
  const commitRows = works.flatMap((w) => {
    const cards = [...w.named, ...(w.event.records.pullRequest ? prLinks.cards.get(pullRequests.get(prKey(w))!.id)! : []), ...(hasRun(w) ? runLinks.cards.get(runs.get(runKey(w))!.id)! : [])];
    return [...new Set(cards.map((card) => card.id))].flatMap((cardId) => w.event.shas.map((sha) => ({ cardId, sha, projectId: w.source.projectId })));
  });
  const gainedCommits = await recordCommits(tx, commitRows);

  const dep = (w: Work) => w.event.records.deployment as DeploymentRecord;
  const inherited = withDeployment.length
    ? await inheritedCards(tx, [...new Set(withDeployment.map((w) => w.source.projectId))], withDeployment.flatMap((w) => dep(w).sha ?? []), withDeployment.flatMap((w) => dep(w).ref ?? []))
    : new Map<string, string[]>();
  const deployments = await upsertAll(
    tx,
    deploymentsTable,
    grouped(withDeployment.map((w) => ({ key: { ...w.source, externalId: dep(w).externalId }, item: w })), deploymentsTable.keyOf),
    (state, w) => mergeDeployment(state, dep(w), w.receivedAt),
  );
  const deploymentLinks = await link(
    tx,
    "deployment",
    withDeployment.flatMap((w) => {
      const { sha, ref } = dep(w);
      const cardIds = new Set([
        ...w.named.map((card) => card.id),
        ...(sha ? (inherited.get(`${w.source.projectId} ${sha}`) ?? []) : []),
        ...(ref ? (inherited.get(`${w.source.projectId} ref:${ref}`) ?? []) : []),
      ]);
      return [...cardIds].map((cardId) => ({ cardId, recordId: deployments.get(deploymentKey(w))!.id }));
    }),
    [...deployments.values()].map((r) => r.id),
  );

  const withPush = works.filter((w) => w.event.records.push);
  await recordPushes(tx, withPush.map((w) => ({ ...w.source, push: w.event.records.push!, receivedAt: w.receivedAt })));
  for (const w of works.filter((w) => w.event.records.incident)) {
    const incident = w.event.records.incident!;
    await recordIncident(tx, { projectId: w.source.projectId, integrationId: w.source.integrationId }, { ...incident, cardKey: incident.cardKey ?? w.named[0]?.key ?? null });
  }
  const reshipped = [...withPush, ...withDeployment.filter((w) => deployments.get(deploymentKey(w))!.changed)];
  await recordShipped(tx, reshipped.map((w) => w.source.projectId));

  // What changed, for open boards and the hooks; each record once, whatever number of deliveries.
  const changes = new Map<string, PipelineChange>();
  const touched = new Map<string, Map<string, CardRef>>();
  const note = (w: Work, key: string, changed: boolean, cards: CardRef[], record: PipelineChangeRecord) => {
    if (!changed) return;
    const { projectId } = w.source;
    changes.set(key, { projectId, cardIds: cards.map((card) => card.id), kind: record.kind, record });
    if (!touched.has(projectId)) touched.set(projectId, new Map());
    for (const card of cards) touched.get(projectId)!.set(card.id, card);
  };
  for (const w of withPr) {
    const { id, state, changed } = pullRequests.get(prKey(w))!;
    note(w, `pr ${id}`, changed || prLinks.gained.has(id), prLinks.cards.get(id)!, { kind: "pullRequest", id, state: state.state, merged: state.merged });
  }
  for (const w of withRun) {
    const { id, state, changed } = runs.get(runKey(w))!;
    note(w, `run ${id}`, changed || runLinks.gained.has(id), runLinks.cards.get(id)!, { kind: "run", id, name: state.name, status: readStatus(state.status), branch: state.branch, sha: state.sha });
  }
  for (const w of withJob) {
    const runId = runs.get(runKey(w))!.id;
    const { id, state, changed } = jobs.get(jobsTable.keyOf({ runId, externalId: w.event.records.job!.externalId }))!;
    note(w, `job ${id}`, changed, runLinks.cards.get(runId)!, { kind: "job", id, runId, name: state.name, stage: state.stage, status: readStatus(state.status) });
  }
  for (const w of withDeployment) {
    const { id, state, changed } = deployments.get(deploymentKey(w))!;
    note(w, `deployment ${id}`, changed || deploymentLinks.gained.has(id), deploymentLinks.cards.get(id)!, { kind: "deployment", id, environment: state.environment, status: readStatus(state.status), sha: state.sha });
  }
  // Deliveries with no pipeline record (pushes, incidents) change a card through its commits only.
  for (const w of works.filter((w) => !hasRun(w) && !w.event.records.pullRequest && !w.event.records.deployment)) {
    const cards = w.named.filter((card) => gainedCommits.has(card.id));
    note(w, `commits ${w.id}`, cards.length > 0, cards, { kind: "commits", shas: w.event.shas });
  }
  for (const [projectId, cards] of touched) await publishBoardEvents(tx, projectId, "card.updated", [...cards.values()].map((card) => ({ key: card.key, reason: "pipeline" })));
  if (changes.size) await onPipelineChanges(tx, [...changes.values()]);

  for (const w of works) outcomes.set(w.id, { status: "processed", result: { ...derivedFields(w.event), linkedCards: w.named.map((card) => card.key) } });
  return outcomes;
}
