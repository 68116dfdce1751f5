import "server-only";
// A project's delivery history (issue 14) as lib/domain/delivery reads it: every deployment, push,
// commit time, commit–card tie and incident. The report, the card's road and the shipped commits
// recorded per deployment all read it here, so they agree.
import { isTerminalStatus } from "@/lib/domain/pipeline/types";
import type { Commit, DeliveryHistory } from "@/lib/domain/delivery";
import type { Tx } from "../../db";
import { readStatus } from "../pipeline/stored-status";

/** `tx` is a transaction or the client itself (both query alike). */
export async function deliveryHistory(tx: Pick<Tx, "project" | "deployment" | "push" | "commit" | "cardCommit" | "incident">, projectId: string): Promise<DeliveryHistory> {
  const [project, deployments, pushes, commitTimes, cardCommits, incidents] = await Promise.all([
    tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { productionEnvironments: true } }),
    tx.deployment.findMany({ where: { projectId }, select: { id: true, environment: true, tier: true, sha: true, ref: true, status: true, at: true } }),
    tx.push.findMany({ where: { projectId }, select: { ref: true, shas: true, at: true } }),
    tx.commit.findMany({ where: { projectId }, select: { sha: true, authoredAt: true, committedAt: true } }),
    tx.cardCommit.findMany({ where: { projectId }, select: { sha: true, card: { select: { key: true } } } }),
    tx.incident.findMany({ where: { projectId }, select: { id: true, openedAt: true, resolvedAt: true, deploymentSha: true, cardKey: true } }),
  ]);
  // Commits a card's work touched but no push described (runs, pull requests) still name the card.
  const commits = new Map<string, Commit & { cardKeys: string[] }>(commitTimes.map((commit) => [commit.sha, { ...commit, cardKeys: [] }]));
  for (const { sha, card } of cardCommits) {
    const commit = commits.get(sha) ?? { sha, authoredAt: null, committedAt: null, cardKeys: [] };
    commit.cardKeys.push(card.key);
    commits.set(sha, commit);
  }
  return {
    productionEnvironments: project.productionEnvironments,
    deployments: deployments.map((deployment) => {
      const status = readStatus(deployment.status);
      // A stored deployment's `at` is the time of its latest status: the finish once it is final.
      const final = isTerminalStatus(status);
      return { id: deployment.id, environment: deployment.environment, tier: deployment.tier, sha: deployment.sha, ref: deployment.ref, status, startedAt: final ? null : deployment.at, finishedAt: final ? deployment.at : null };
    }),
    pushes,
    commits: [...commits.values()],
    incidents,
  };
}
