/**
 * A project's delivery history read as DORA sees it (issue 14): what each deployment shipped, which
 * production deployments were rollbacks, failed or caused incidents, and how long recovery took.
 */
import { isProductionEnvironment } from "./environments";
import { carriedCommits, inTimeOrder, shasByCard } from "./shipped";
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
 * - an incident links per `incidentLinker`;
 * - a production deployment failed when its status is failure, it was rolled back, or an incident
 *   links to it;
 * - one recovery per failure: each incident linked to a deployment is a failure, recovered at its
 *   resolution (an unresolved one has not recovered); a failed or rolled-back deployment no incident
 *   links to is one, recovered by the next successful production deployment to the same
 *   environment (so a rollback answering an incident does not count the same outage twice);
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

  const incidentLinks = new Map<string, string | null>();
  const linkIncident = incidentLinker(deployments, history.commits);
  for (const incident of history.incidents) {
    const linked = linkIncident(incident);
    incidentLinks.set(incident.id, linked?.id ?? null);
    linked?.incidentIds.push(incident.id);
  }
  for (const deployment of deployments) {
    deployment.failed = isCounted(deployment) && (deployment.status === "failure" || deployment.rolledBack || deployment.incidentIds.length > 0);
  }

  const recoveries = recoveriesOf(deployments, history.incidents, incidentLinks);
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

/** The last of `deployments` (in time order) finished at or before `at`. */
function latestBy(deployments: readonly AnalyzedDeployment[], at: Date): AnalyzedDeployment | undefined {
  let low = 0;
  let high = deployments.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (deployments[middle]!.finishedAt!.getTime() <= at.getTime()) low = middle + 1;
    else high = middle;
  }
  return deployments[low - 1];
}

/**
 * Links incidents to the production deployment each belongs to: among the successful production
 * deployments of the sha it names (or that shipped a commit of the card it names), the latest one
 * finished by the time it opened, else the earliest; when it names neither or nothing matches, the
 * latest successful production deployment finished by the time it opened. Null when there is none.
 * `deployments` must be in time order; the indexes are built once for all incidents.
 */
export function incidentLinker(deployments: readonly AnalyzedDeployment[], commits: readonly Commit[]): (incident: Incident) => AnalyzedDeployment | null {
  const live = deployments.filter(isLiveDeployment);
  const byDeployedSha = new Map<string, AnalyzedDeployment[]>();
  const byShippedSha = new Map<string, AnalyzedDeployment[]>();
  const add = (index: Map<string, AnalyzedDeployment[]>, sha: string, deployment: AnalyzedDeployment) => {
    const list = index.get(sha);
    if (list) list.push(deployment);
    else index.set(sha, [deployment]);
  };
  for (const deployment of live) {
    add(byDeployedSha, deployment.sha!, deployment);
    for (const sha of deployment.commits) add(byShippedSha, sha, deployment);
  }
  const cardShas = shasByCard(commits);

  return (incident) => {
    const named = new Set<AnalyzedDeployment>(incident.deploymentSha === null ? [] : (byDeployedSha.get(incident.deploymentSha) ?? []));
    for (const sha of incident.cardKey === null ? [] : (cardShas.get(incident.cardKey) ?? [])) for (const deployment of byShippedSha.get(sha) ?? []) named.add(deployment);
    if (!named.size) return latestBy(live, incident.openedAt) ?? null;
    const candidates = [...named].sort((a, b) => a.finishedAt!.getTime() - b.finishedAt!.getTime());
    return latestBy(candidates, incident.openedAt) ?? candidates[0]!;
  };
}

function recoveriesOf(deployments: readonly AnalyzedDeployment[], incidents: readonly Incident[], links: ReadonlyMap<string, string | null>): Recovery[] {
  const byId = new Map(deployments.map((deployment) => [deployment.id, deployment]));
  const recoveries: Recovery[] = [];
  // Walking backwards, the next successful production deployment to each environment.
  const nextLive = new Map<string, AnalyzedDeployment>();
  for (const deployment of [...deployments].reverse()) {
    if (deployment.failed && !deployment.incidentIds.length) {
      const next = nextLive.get(deployment.environment);
      recoveries.push({ deploymentId: deployment.id, incidentId: null, environment: deployment.environment, failedAt: deployment.finishedAt!, recoveredAt: next?.finishedAt ?? null });
    }
    if (isLiveDeployment(deployment)) nextLive.set(deployment.environment, deployment);
  }
  for (const incident of incidents) {
    const linkedId = links.get(incident.id);
    const deployment = linkedId ? byId.get(linkedId) : undefined;
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
