import "server-only";
// A card's CI/CD picture: pull requests, runs with their jobs, deployments per environment, and the
// status the board badge shows. Callers authorize the card first (requireCardRole / the board).
import { Prisma } from "@/lib/generated/prisma/client";
import { latestJobs, latestPerKey } from "@/lib/domain/pipeline/summary";
import type { PipelineStatus } from "@/lib/domain/pipeline/types";
import { db } from "../db";
import { readStatus, storedStatus } from "../services/pipeline/stored-status";

/** Runs listed per card; the newest first. */
const RUN_LIMIT = 20;
const COMMIT_LIMIT = 20;

// "Latest run" = latest start (first sight when the provider sent no start time); the panel and
// the badge (latestRunStatusSql) order the same way so they agree.
const runOrder: Prisma.PipelineRunOrderByWithRelationInput[] = [{ startedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }];

export interface CardPipeline {
  /** Status of the card's latest run; null when it has none (or its status is unknown). */
  status: PipelineStatus | null;
  pullRequests: Array<{ provider: string; number: number; url: string | null; title: string; state: string; merged: boolean }>;
  runs: Array<{
    provider: string;
    name: string | null;
    status: PipelineStatus | null;
    attempt: number;
    branch: string | null;
    sha: string | null;
    url: string | null;
    startedAt: string | null;
    jobs: Array<{ name: string; stage: string | null; status: PipelineStatus | null; url: string | null }>;
  }>;
  /** The latest deployment per environment, newest first. */
  deployments: Array<{ environment: string; status: PipelineStatus | null; url: string | null; at: string }>;
  /**
   * Commits tied to the card (pushes, runs, pull requests), newest tie first; `at` is the commit's own
   * time when a push told it (committer's, else author's), else when the card learnt of the commit.
   */
  commits: Array<{ sha: string; at: string }>;
}

export async function cardPipeline(cardId: string): Promise<CardPipeline> {
  const linked = { cards: { some: { cardId } } };
  const [runs, pullRequests, deployments, commits] = await Promise.all([
    db.pipelineRun.findMany({
      where: linked,
      orderBy: runOrder,
      take: RUN_LIMIT,
      select: {
        provider: true, name: true, status: true, attempt: true, branch: true, sha: true, url: true, startedAt: true,
        jobs: { orderBy: [{ sourceAt: { sort: "asc", nulls: "last" } }, { name: "asc" }], select: { name: true, stage: true, status: true, url: true, attempt: true, sourceAt: true } },
      },
    }),
    db.pullRequest.findMany({ where: linked, orderBy: { number: "desc" }, select: { provider: true, number: true, url: true, title: true, state: true, merged: true } }),
    db.deployment.findMany({ where: linked, orderBy: { at: "desc" }, select: { environment: true, status: true, url: true, at: true } }),
    db.cardCommit.findMany({ where: { cardId }, orderBy: { at: "desc" }, take: COMMIT_LIMIT, select: { sha: true, at: true, projectId: true } }),
  ]);
  const times = commits.length
    ? new Map((await db.commit.findMany({ where: { projectId: commits[0]!.projectId, sha: { in: commits.map((commit) => commit.sha) } }, select: { sha: true, authoredAt: true, committedAt: true } })).map((commit) => [commit.sha, commit.committedAt ?? commit.authoredAt]))
    : new Map<string, Date | null>();
  return {
    status: runs[0] ? readStatus(runs[0].status) : null,
    pullRequests,
    runs: runs.map((run) => ({
      ...run,
      status: readStatus(run.status),
      startedAt: run.startedAt?.toISOString() ?? null,
      jobs: latestJobs(run.jobs.map((job) => ({ ...job, at: job.sourceAt?.getTime() ?? null }))).map((job) => ({
        name: job.name,
        stage: job.stage,
        status: readStatus(job.status),
        url: job.url,
      })),
    })),
    deployments: latestPerKey(deployments, (d) => d.environment, (d) => d.at.getTime()).map((d) => ({
      environment: d.environment,
      status: readStatus(d.status),
      url: d.url,
      at: d.at.toISOString(),
    })),
    commits: commits.map((commit) => ({ sha: commit.sha, at: (times.get(commit.sha) ?? commit.at).toISOString() })),
  };
}

/**
 * SQL for the status of the latest run of the card whose id is `cardId` (a column reference such
 * as Prisma.raw('c.id')), NULL when it has none or its status is unknown: for board queries that
 * select cards in one statement. Same order as `runOrder`.
 */
export function latestRunStatusSql(cardId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT NULLIF(run.status, ${storedStatus(null)}) FROM "CardRun" link JOIN "PipelineRun" run ON run.id = link."runId"
    WHERE link."cardId" = ${cardId} ORDER BY run."startedAt" DESC NULLS LAST, run.id DESC LIMIT 1)`;
}
