/**
 * Delivery (issue 14) input and output shapes. Inputs are plain facts the server maps from its rows;
 * instants are Dates, calendar days are `YYYY-MM-DD` in the project's time zone.
 */
import type { PipelineStatus } from "../pipeline/types";

export interface Deployment {
  id: string;
  environment: string;
  /** The provider's deployment tier (GitHub/GitLab `production`, `staging`, …), null when not sent. */
  tier: string | null;
  /** The deployed commit; null when the provider did not say (such a deployment ships nothing). */
  sha: string | null;
  /** The deployed branch (`main` or `refs/heads/main`); null when not sent. */
  ref: string | null;
  status: PipelineStatus | null;
  startedAt: Date | null;
  /** When the deployment reached its final status; null while it runs. */
  finishedAt: Date | null;
}

export interface Commit {
  sha: string;
  authoredAt: Date | null;
  committedAt: Date | null;
  /** Card keys found in the commit message. */
  cardKeys: readonly string[];
}

/** A push to a branch: its commits oldest first, as the provider lists them. */
export interface Push {
  ref: string;
  shas: readonly string[];
  at: Date;
}

export interface Incident {
  id: string;
  openedAt: Date;
  resolvedAt: Date | null;
  /** The deployed sha the incident names, if any. */
  deploymentSha: string | null;
  /** The card key the incident names, if any. */
  cardKey: string | null;
}

export interface DeliveryHistory {
  /** Every environment's deployments (earlier ones decide what later ones shipped), any order. */
  deployments: readonly Deployment[];
  pushes: readonly Push[];
  incidents: readonly Incident[];
  commits: readonly Commit[];
  /** The project's production environment names; null or empty means the defaults. */
  productionEnvironments: readonly string[] | null;
}

export interface AnalyzedDeployment {
  id: string;
  environment: string;
  sha: string | null;
  status: PipelineStatus | null;
  finishedAt: Date | null;
  production: boolean;
  /**
   * Shas this deployment carried: for a successful one, what it shipped; for any other, what it
   * would have shipped. Oldest first.
   */
  commits: string[];
  /** Production only: it failed, was rolled back, or caused an incident. */
  failed: boolean;
  /** Production only: it deployed a sha older than the one live. */
  rollback: boolean;
  /** Production only: it was the live deployment when a successful rollback replaced it. */
  rolledBack: boolean;
  /** Incidents linked to this deployment. */
  incidentIds: string[];
  /** Production only: a rollback, or finished within the recovery from a failure or incident. */
  unplanned: boolean;
}

/** One failure and when production recovered from it. */
export interface Recovery {
  /** The failed production deployment. */
  deploymentId: string;
  /** Set when the failure is an incident (else it is the deployment's own failure or rollback). */
  incidentId: string | null;
  environment: string;
  failedAt: Date;
  /** Null while not recovered. */
  recoveredAt: Date | null;
}

export interface DeliveryAnalysis {
  /** Deployments in time order (those with neither start nor finish time are left out). */
  deployments: AnalyzedDeployment[];
  /** Each incident's linked production deployment, null when there was none to link to. */
  incidentLinks: ReadonlyMap<string, string | null>;
  recoveries: Recovery[];
  /** Each shipped sha's first successful production deployment. */
  firstInProduction: ReadonlyMap<string, { deploymentId: string; at: Date }>;
}

/** A report's range: calendar days, both included, in the project's time zone. */
export interface DeliveryRange {
  from: string;
  to: string;
  timeZone: string;
}
