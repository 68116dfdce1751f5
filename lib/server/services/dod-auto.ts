import "server-only";
// Automatic Definition-of-Done items: load what CI/CD knows about cards (linked pull requests, the
// runs on their heads and branches with their jobs' stages, linked deployments), evaluate every
// auto item with lib/domain/dod, and store what changed. Called in the transaction that changed
// the facts (webhook processing, or a definition save), so items and facts commit together.
import { evaluateAutoItem, type AutoSource, type CiStatus, type DodFacts, type DodSignal, type RunFact } from "@/lib/domain/dod";
import { latestJobs, statusFromJobs } from "@/lib/domain/pipeline/summary";
import type { PipelineStatus } from "@/lib/domain/pipeline/types";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../db";
import { publishBoardEvents } from "../realtime";
import { readStatus } from "./pipeline/stored-status";

const CI_STATUS: Record<PipelineStatus, CiStatus> = { queued: "pending", running: "running", success: "succeeded", failure: "failed", cancelled: "cancelled", skipped: "skipped" };
const ciStatus = (stored: string): CiStatus => CI_STATUS[readStatus(stored) ?? "queued"];

type JobRow = { name: string; stage: string | null; status: string; attempt: number; sourceAt: Date | null };

/** Each stage's status: the latest attempt of each of its jobs, combined as the pipeline layer does for runs. */
function stageStatuses(jobs: JobRow[]): Record<string, CiStatus> {
  const byStage = new Map<string, JobRow[]>();
  for (const job of latestJobs(jobs.map((job) => ({ ...job, at: job.sourceAt?.getTime() ?? null })))) {
    if (job.stage) byStage.set(job.stage, [...(byStage.get(job.stage) ?? []), job]);
  }
  return Object.fromEntries([...byStage].map(([stage, stageJobs]) => [stage, CI_STATUS[statusFromJobs(stageJobs.map((job) => readStatus(job.status))) ?? "queued"]]));
}

/** Facts per card id, in four queries whatever the number of cards. */
export async function loadFacts(tx: Tx, cardIds: string[]): Promise<Map<string, DodFacts>> {
  const [prLinks, runLinks, deploymentLinks] = await Promise.all([
    tx.cardPullRequest.findMany({ where: { cardId: { in: cardIds } }, select: { cardId: true, pullRequest: { select: { number: true, url: true, state: true, merged: true, headSha: true, headRef: true } } } }),
    tx.cardRun.findMany({ where: { cardId: { in: cardIds } }, select: { cardId: true, runId: true, run: { select: { branch: true } } } }),
    tx.cardDeployment.findMany({ where: { cardId: { in: cardIds } }, select: { cardId: true, deployment: { select: { environment: true, status: true, at: true, url: true } } } }),
  ]);
  const heads = [...new Set(prLinks.flatMap((link) => (link.pullRequest.headSha ? [link.pullRequest.headSha] : [])))];
  const runs = await tx.pipelineRun.findMany({
    where: { OR: [{ id: { in: runLinks.map((link) => link.runId) } }, ...(heads.length ? [{ sha: { in: heads } }] : [])] },
    select: { id: true, externalId: true, name: true, sha: true, branch: true, status: true, attempt: true, url: true, startedAt: true, sourceAt: true, projectId: true, jobs: { select: { name: true, stage: true, status: true, attempt: true, sourceAt: true } } },
  });
  const runFacts = new Map<string, RunFact>(
    runs.map((run) => [
      run.id,
      {
        id: run.externalId,
        name: run.name,
        sha: run.sha,
        branch: run.branch,
        status: ciStatus(run.status),
        attempt: run.attempt,
        startedAt: run.startedAt ?? run.sourceAt ?? new Date(0),
        url: run.url,
        stageStatuses: stageStatuses(run.jobs),
      },
    ]),
  );
  return new Map(
    cardIds.map((cardId) => {
      const pullRequests = prLinks.filter((link) => link.cardId === cardId).map(({ pullRequest: pr }) => ({ ...pr, state: pr.state === "open" ? ("open" as const) : ("closed" as const) }));
      const cardHeads = new Set(pullRequests.flatMap((pr) => (pr.headSha ? [pr.headSha] : [])));
      const linkedRuns = new Set(runLinks.filter((link) => link.cardId === cardId).map((link) => link.runId));
      return [
        cardId,
        {
          pullRequests,
          runs: runs.filter((run) => linkedRuns.has(run.id) || (run.sha !== null && cardHeads.has(run.sha))).map((run) => runFacts.get(run.id)!),
          deployments: deploymentLinks.filter((link) => link.cardId === cardId).map(({ deployment: d }) => ({ ...d, status: ciStatus(d.status) })),
          branches: [...new Set(runLinks.filter((link) => link.cardId === cardId).flatMap((link) => (link.run.branch ? [link.run.branch] : [])))],
        },
      ];
    }),
  );
}

const sameSource = (a: unknown, b: AutoSource | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Re-evaluates the automatic DOD items of the given cards that are not done yet (a done card's
 * checklist is its record). Stores new states with "automation" as who ticked, records DOD_AUTO
 * when an item's `done` flips and tells open boards. Returns the ids of cards whose items changed.
 */
export async function refreshAutoItems(tx: Tx, cardIds: string[]): Promise<Set<string>> {
  const changed = new Set<string>();
  if (cardIds.length === 0) return changed;
  const items = await tx.checklistItem.findMany({
    where: { cardId: { in: cardIds }, list: "DOD", kind: "auto", card: { column: { category: { not: "DONE" } } } },
    select: { id: true, cardId: true, text: true, kind: true, signal: true, environment: true, stage: true, done: true, source: true, card: { select: { key: true, projectId: true } } },
  });
  if (items.length === 0) return changed;
  const facts = await loadFacts(tx, [...new Set(items.map((item) => item.cardId))]);
  const now = new Date();
  const published = new Map<string, Array<{ key: string; reason: string }>>();
  for (const item of items) {
    const result = evaluateAutoItem({ ...item, kind: "auto", signal: item.signal as DodSignal | null }, facts.get(item.cardId)!);
    if (result.done === item.done && sameSource(item.source, result.source)) continue;
    await tx.checklistItem.update({
      where: { id: item.id },
      data: {
        done: result.done,
        ...(result.done !== item.done && { doneBy: result.done ? "automation" : null, doneAt: result.done ? now : null, doneById: null }),
        source: result.source ? { ...result.source } : Prisma.DbNull,
      },
    });
    if (result.done !== item.done) {
      await tx.cardEvent.create({ data: { projectId: item.card.projectId, cardId: item.cardId, type: "DOD_AUTO", data: { itemId: item.id, text: item.text, done: result.done, source: result.source ? { ...result.source } : null } } });
    }
    if (!changed.has(item.cardId)) {
      changed.add(item.cardId);
      published.set(item.card.projectId, [...(published.get(item.card.projectId) ?? []), { key: item.card.key, reason: "dod" }]);
    }
  }
  for (const [projectId, payloads] of published) await publishBoardEvents(tx, projectId, "card.updated", payloads);
  return changed;
}
