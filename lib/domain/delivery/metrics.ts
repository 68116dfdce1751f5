/** The DORA measures over a range of a read history (issue 14's definitions). */
import { dayOf } from "../reports/dates";
import { median } from "../reports/percentiles";
import { deploymentFrequency, type DeploymentFrequency } from "./frequency";
import { isCounted } from "./history";
import type { AnalyzedDeployment, Commit, DeliveryAnalysis, DeliveryRange } from "./types";

const HOUR_MS = 3_600_000;

/** Elapsed hours between two instants, one decimal. */
export function hoursBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / (HOUR_MS / 10)) / 10;
}

const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

const inRange = (at: Date, range: DeliveryRange) => {
  const day = dayOf(at, range.timeZone);
  return day >= range.from && day <= range.to;
};

/** When a commit was made: the committer's time (a rebase or cherry-pick resets it), else the author's. */
export function commitTime(commit: Commit): Date | null {
  return commit.committedAt ?? commit.authoredAt;
}

export interface DeliveryMetrics {
  deploymentFrequency: DeploymentFrequency;
  changeLeadTime: { medianHours: number | null };
  /** Failed ÷ counted production deployments, 0…1; null without deployments. */
  changeFailureRate: number | null;
  recoveryTime: { medianHours: number | null };
  /** Unplanned ÷ counted production deployments, 0…1; null without deployments. */
  reworkRate: number | null;
  /** The counted production deployments finished in the range, in time order (the drill-down). */
  deployments: AnalyzedDeployment[];
}

/**
 * The five measures for deployments finished in the range (days of the project's time zone; the
 * range must not be empty). Counted deployments are production ones that finished with success or
 * failure; cancelled, skipped and running ones are neither deployments nor failures.
 * - Change lead time: the median over the commits whose first successful production deployment
 *   finished in the range of (that finish − the commit's time); a commit reaching several production
 *   environments counts once, at the first. Commits without a time, and negative times (clock skew
 *   between the provider and the committer's machine), are left out.
 * - Recovery time: the median of (recovery − failure) over failures that happened in the range and
 *   have recovered (see `analyzeDeliveries`); an incident counts from its opening.
 */
export function deliveryMetrics(analysis: DeliveryAnalysis, commits: readonly Commit[], range: DeliveryRange): DeliveryMetrics {
  const deployments = analysis.deployments.filter((deployment) => isCounted(deployment) && inRange(deployment.finishedAt!, range));
  const successes = deployments.filter((deployment) => deployment.status === "success");
  const rate = (count: number) => (deployments.length ? count / deployments.length : null);

  // Only shipped commits have a lead time, and their deployments' days are already known.
  const inRangeIds = new Set(deployments.map((deployment) => deployment.id));
  const leadTimes = commits.flatMap((commit) => {
    const first = analysis.firstInProduction.get(commit.sha);
    const committed = commitTime(commit);
    if (!first || !committed || !inRangeIds.has(first.deploymentId)) return [];
    const hours = (first.at.getTime() - committed.getTime()) / HOUR_MS;
    return hours >= 0 ? [hours] : [];
  });
  const recoveryHours = analysis.recoveries
    .filter((recovery) => recovery.recoveredAt !== null && inRange(recovery.failedAt, range))
    .map((recovery) => (recovery.recoveredAt!.getTime() - recovery.failedAt.getTime()) / HOUR_MS);

  return {
    deploymentFrequency: deploymentFrequency(successes.map((deployment) => deployment.finishedAt!), range),
    changeLeadTime: { medianHours: oneDecimal(median(leadTimes)) },
    changeFailureRate: rate(deployments.filter((deployment) => deployment.failed).length),
    recoveryTime: { medianHours: oneDecimal(median(recoveryHours)) },
    reworkRate: rate(deployments.filter((deployment) => deployment.unplanned).length),
    deployments,
  };
}
