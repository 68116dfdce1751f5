/**
 * A project's delivery history read as DORA sees it (issue 14): what each deployment shipped, which
 * production deployments were rollbacks, failed or caused incidents, and how long recovery took.
 */
import { isProductionEnvironment } from "./environments";
import { carriedCommits, inTimeOrder } from "./shipped";
import type { AnalyzedDeployment, Commit, DeliveryAnalysis, DeliveryHistory, Incident, Recovery } from "./types";

/** Production deployments that count in the measures: those that finished, successfully or not. */
export function isCounted(deployment: AnalyzedDeployment): boolean {
  return deployment.production && deployment.finishedAt !== null && (deployment.status === "success" || deployment.status === "failure");
}

const isLiveDeployment = (deployment: AnalyzedDeployment) => isCounted(deployment) && deployment.status === "success";

/**
 * Reads the whole history (earlier deployments decide what later ones shipped and what was live):
 * - a rollback is a production deployment of a sha that went live in the same environment before the
 *   live sha did (a sha whose push was never seen and never shipped there cannot be placed, so it is
 *   not one); when it succeeds, the deployment it replaced is "rolled back" (only that one: older
 *   deployments undone with it are not blamed);
 * - an incident links per `linkIncident`;
 * - a production deployment failed when its status is failure, it was rolled back, or an incident
 *   links to it;
 * - recovery from a failed or rolled-back deployment is the next successful production deployment
 *   to the same environment; from an incident, its resolution (an unresolved one has not recovered);
 * - a production deployment is unplanned when it is a rollback or finished after a failure and no
 *   later than its recovery, in the failure's environment.
 */
export function analyzeDeliveries(history: DeliveryHistory): DeliveryAnalysis {
  const ordered = inTimeOrder(history.deployments);
  const carried = carriedCommits(ordered, history.pushes);
  const deployments = ordered.map((deployment): AnalyzedDeployment => ({
    id: deployment.id,
    environment: deployment.environment,
    sha: deployment.sha,
    status: deployment.status,
    finishedAt: deployment.finishedAt,
    production: isProductionEnvironment({ name: deployment.environment, tier: deployment.tier }, history.productionEnvironments),
    commits: carried.get(deployment.id)!,
    failed: false,
    rollback: false,
    rolledBack: false,
    incidentIds: [],
    unplanned: false,
  }));

  markRollbacks(deployments);
  const firstInProduction = new Map<string, { deploymentId: string; at: Date }>();
  for (const deployment of deployments.filter(isLiveDeployment)) {
    for (const sha of deployment.commits) if (!firstInProduction.has(sha)) firstInProduction.set(sha, { deploymentId: deployment.id, at: deployment.finishedAt! });
  }

  const byId = new Map(deployments.map((deployment) => [deployment.id, deployment]));
  const incidentLinks = new Map<string, string | null>();
  for (const incident of history.incidents) {
    const linked = linkIncident(incident, deployments, history.commits);
    incidentLinks.set(incident.id, linked?.id ?? null);
    linked?.incidentIds.push(incident.id);
  }
  for (const deployment of deployments) {
    deployment.failed = isCounted(deployment) && (deployment.status === "failure" || deployment.rolledBack || deployment.incidentIds.length > 0);
  }

  const recoveries = recoveriesOf(deployments, history.incidents, incidentLinks, byId);
  markUnplanned(deployments, recoveries);
  return { deployments, incidentLinks, recoveries, firstInProduction };
}

function markRollbacks(deployments: AnalyzedDeployment[]): void {
  // Per environment, the order in which each sha first went live there: "older" means earlier in it.
  const shippedOrder = new Map<string, Map<string, number>>();
  const live = new Map<string, AnalyzedDeployment>();
  for (const deployment of deployments) {
    if (!isCounted(deployment) || deployment.sha === null) continue;
    const environment = deployment.environment;
    const current = live.get(environment);
    let order = shippedOrder.get(environment);
    if (!order) shippedOrder.set(environment, (order = new Map()));
    const shippedAt = order.get(deployment.sha);
    deployment.rollback = current !== undefined && shippedAt !== undefined && shippedAt < order.get(current.sha!)!;
    if (deployment.status !== "success") continue;
    if (deployment.rollback) current!.rolledBack = true;
    for (const sha of [...deployment.commits, deployment.sha]) if (!order.has(sha)) order.set(sha, order.size);
    live.set(environment, deployment);
  }
}

/**
 * The production deployment an incident belongs to: among the successful production deployments of
 * the sha it names (or that shipped a commit of the card it names), the latest one finished by the
 * time it opened, else the earliest; when it names neither or nothing matches, the latest successful
 * production deployment finished by the time it opened. Null when there is none.
 */
export function linkIncident(incident: Incident, deployments: readonly AnalyzedDeployment[], commits: readonly Commit[]): AnalyzedDeployment | null {
  const live = deployments.filter(isLiveDeployment);
  const cardShas = incident.cardKey === null ? null : new Set(commits.filter((commit) => commit.cardKeys.includes(incident.cardKey!)).map((commit) => commit.sha));
  const named = live.filter((deployment) => (incident.deploymentSha !== null && deployment.sha === incident.deploymentSha) || (cardShas !== null && deployment.commits.some((sha) => cardShas.has(sha))));
  const before = (list: AnalyzedDeployment[]) => list.filter((deployment) => deployment.finishedAt!.getTime() <= incident.openedAt.getTime()).at(-1);
  if (named.length) return before(named) ?? named[0]!;
  return before(live) ?? null;
}

function recoveriesOf(deployments: readonly AnalyzedDeployment[], incidents: readonly Incident[], links: ReadonlyMap<string, string | null>, byId: ReadonlyMap<string, AnalyzedDeployment>): Recovery[] {
  const recoveries: Recovery[] = [];
  deployments.forEach((deployment, index) => {
    if (!deployment.failed || !(deployment.status === "failure" || deployment.rolledBack)) return;
    const next = deployments.slice(index + 1).find((later) => later.environment === deployment.environment && isLiveDeployment(later));
    recoveries.push({ deploymentId: deployment.id, incidentId: null, environment: deployment.environment, failedAt: deployment.finishedAt!, recoveredAt: next?.finishedAt ?? null });
  });
  for (const incident of incidents) {
    const deployment = byId.get(links.get(incident.id) ?? "");
    if (!deployment) continue;
    recoveries.push({ deploymentId: deployment.id, incidentId: incident.id, environment: deployment.environment, failedAt: incident.openedAt, recoveredAt: incident.resolvedAt });
  }
  return recoveries.sort((a, b) => a.failedAt.getTime() - b.failedAt.getTime());
}

function markUnplanned(deployments: AnalyzedDeployment[], recoveries: readonly Recovery[]): void {
  for (const deployment of deployments) {
    if (!isCounted(deployment)) continue;
    const at = deployment.finishedAt!.getTime();
    deployment.unplanned =
      deployment.rollback ||
      recoveries.some((recovery) => recovery.recoveredAt !== null && recovery.environment === deployment.environment && recovery.failedAt.getTime() < at && at <= recovery.recoveredAt.getTime());
  }
}
