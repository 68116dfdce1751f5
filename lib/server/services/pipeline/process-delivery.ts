import "server-only";
// Processing of one stored webhook delivery, inside the worker's transaction: normalize with the
// integration's stage rules, check the repository mapping, upsert the records it describes, link
// cards, then tell open boards and the pipeline hooks what changed.
import { normalizeDelivery } from "@/lib/domain/pipeline/normalize";
import { matchesRepository } from "@/lib/domain/pipeline/repository";
import type { StageRule } from "@/lib/domain/pipeline/stages";
import type { PipelineEvent, Provider } from "@/lib/domain/pipeline/types";
import type { Tx } from "../../db";
import { publishBoardEvent } from "../../realtime";
import { onPipelineChange, type PipelineChangeRecord } from "../pipeline-hooks";
import { parseWebhookJson } from "./body";
import {
  cardsNamedIn,
  inheritedDeploymentCards,
  linkDeployment,
  linkPullRequest,
  linkRun,
  recordCommits,
  type CardRef,
  type Linked,
} from "./links";
import { upsertDeployment, upsertJob, upsertPullRequest, upsertRun, type RecordScope } from "./records";

export interface IntegrationContext {
  id: string;
  projectId: string;
  projectKey: string;
  provider: Provider;
  repository: string | null;
  stageRules: StageRule[] | undefined;
}

/**
 * What a delivery derived, in the terms of the shared fixtures' `expect` (README): shown in the
 * delivery log and returned by the deliveries API. `ignored` says why nothing changed.
 */
export interface DeliveryResult {
  linkedCards: string[];
  pipeline: string | null;
  job: string | null;
  stage: string | null;
  status: PipelineEvent["status"];
  environment: string | null;
  runUrl: string | null;
  prUrl: string | null;
  merged: boolean | null;
  ignored?: { code: string; reason: string };
}

export interface ProcessOutcome {
  status: "processed" | "ignored";
  result: DeliveryResult;
}

const NOTHING: Omit<DeliveryResult, "linkedCards"> = {
  pipeline: null, job: null, stage: null, status: null, environment: null, runUrl: null, prUrl: null, merged: null,
};

function derived(event: PipelineEvent): Omit<DeliveryResult, "linkedCards"> {
  const { pipeline, job, stage, status, environment, runUrl, prUrl, merged } = event;
  return { pipeline, job, stage, status, environment, runUrl, prUrl, merged };
}

function ignoredOutcome(fields: Omit<DeliveryResult, "linkedCards">, code: string, reason: string): ProcessOutcome {
  return { status: "ignored", result: { ...fields, linkedCards: [], ignored: { code, reason } } };
}

export async function processDelivery(
  tx: Tx,
  integration: IntegrationContext,
  delivery: { event: string; body: string; receivedAt: Date },
): Promise<ProcessOutcome> {
  let body: unknown;
  try {
    body = parseWebhookJson(delivery.body);
  } catch {
    return ignoredOutcome(NOTHING, "invalid-payload", "The body is not valid JSON.");
  }
  const event = normalizeDelivery(integration.provider, delivery.event, body, { stageRules: integration.stageRules });
  if (event.kind === "ignored") return ignoredOutcome(NOTHING, event.code, event.reason);
  if (!matchesRepository(integration.repository, integration.provider, event)) {
    const source = event.repository ?? event.repositoryId ?? "no repository";
    return ignoredOutcome(derived(event), "unmapped-repository", `The delivery comes from ${source}; this integration accepts ${integration.repository} only.`);
  }

  const { projectId } = integration;
  const named = await cardsNamedIn(tx, projectId, integration.projectKey, event.keyTexts);
  const namedIds = named.map((card) => card.id);
  const scope: RecordScope = { tx, projectId, integrationId: integration.id, provider: integration.provider, repository: event.repository ?? "", receivedAt: delivery.receivedAt };
  const touched = new Map<string, CardRef>();
  const changes: Array<{ record: PipelineChangeRecord; cardIds: string[] }> = [];
  const note = (changed: boolean, linked: Linked, record: PipelineChangeRecord) => {
    if (!changed && !linked.added) return;
    for (const card of linked.cards) touched.set(card.id, card);
    changes.push({ record, cardIds: linked.cards.map((card) => card.id) });
  };
  const { pullRequest, run, job, deployment } = event.records;
  const linkedCardIds = new Set(namedIds);

  if (pullRequest) {
    const saved = await upsertPullRequest(scope, pullRequest);
    const linked = await linkPullRequest(tx, saved.id, namedIds);
    linked.cards.forEach((card) => linkedCardIds.add(card.id));
    note(saved.changed, linked, { kind: "pullRequest", id: saved.id, state: saved.state, merged: saved.state === "merged" });
  }
  if (run) {
    const saved = await upsertRun(scope, run);
    const linked = await linkRun(tx, saved.id, namedIds);
    linked.cards.forEach((card) => linkedCardIds.add(card.id));
    note(saved.changed, linked, { kind: "run", id: saved.id, name: run.name, stage: run.stage, status: saved.status, branch: run.branch, sha: run.sha });
  }
  if (job) {
    // The delivery's run URL is the run's page when it is not the job's own (CircleCI: the workflow).
    const runUrl = event.runUrl !== job.url ? event.runUrl : null;
    const saved = await upsertJob(scope, job, { name: event.pipeline, url: runUrl, sha: event.shas.length === 1 ? event.shas[0]! : null });
    const linked = await linkRun(tx, saved.runId, namedIds);
    linked.cards.forEach((card) => linkedCardIds.add(card.id));
    note(saved.changed, linked, { kind: "job", id: saved.id, runId: saved.runId, name: job.name, stage: job.stage, status: saved.status, runStatus: saved.runStatus });
  }
  // Commits first, so a deployment in the same delivery (generic provider) inherits the run's cards.
  const commitsAdded = await recordCommits(tx, projectId, event.shas, [...linkedCardIds]);
  if (deployment) {
    const inherited = await inheritedDeploymentCards(tx, projectId, deployment.sha, deployment.ref);
    const saved = await upsertDeployment(scope, deployment);
    const linked = await linkDeployment(tx, saved.id, [...new Set([...namedIds, ...inherited])]);
    note(saved.changed, linked, { kind: "deployment", id: saved.id, environment: deployment.environment, status: saved.status, sha: deployment.sha });
  }
  if (commitsAdded && changes.length === 0) note(true, { cards: named, added: true }, { kind: "commits", shas: event.shas });

  for (const card of touched.values()) await publishBoardEvent(tx, projectId, "card.updated", { key: card.key, reason: "pipeline" });
  for (const { record, cardIds } of changes) await onPipelineChange(tx, { projectId, cardIds, kind: record.kind, record });
  return { status: "processed", result: { ...derived(event), linkedCards: named.map((card) => card.key) } };
}
