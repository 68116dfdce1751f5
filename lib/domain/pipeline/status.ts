import type {
  CheckRunCompletedEvent,
  CheckSuiteCompletedEvent,
  CheckSuiteRequestedEvent,
  DeploymentStatusCreatedEvent,
  StatusEvent,
  WorkflowJob,
  WorkflowRun,
} from "@octokit/webhooks-types";
import type { PipelineStatus } from "./types";

/**
 * Provider status values -> PipelineStatus, per the shared fixtures README
 * ("Status mapping"). Every function returns `null` for a value it does not
 * know, so a new provider value never crashes a delivery and never invents a
 * state; callers keep the previous status.
 *
 * Choices for values the README leaves open:
 * - GitHub conclusion `neutral` -> success: GitHub itself treats neutral as
 *   passing (branch protection lets it through), it is not a failure.
 * - GitHub conclusion `action_required` -> queued: the run waits for a person.
 * - GitHub conclusion `stale` -> cancelled: GitHub gave up on it after 14 days.
 * - GitHub deployment `inactive` -> success: GitHub marks a successful
 *   deployment inactive when a newer one replaces it; the code did ship.
 * - GitLab deployment `blocked` -> queued: waiting for approval.
 * - CircleCI `unauthorized` -> failure: the work did not run and will not.
 *   CircleCI `running` / `queued` / `not_running` / `blocked` -> running /
 *   queued / queued / queued; `infrastructure_fail` / `timedout` -> failure.
 */

type GithubConclusion =
  | NonNullable<WorkflowRun["conclusion"]>
  | NonNullable<CheckRunCompletedEvent["check_run"]["conclusion"]>
  | NonNullable<CheckSuiteCompletedEvent["check_suite"]["conclusion"]>
  | NonNullable<WorkflowJob["conclusion"]>
  | "startup_failure";

type GithubProgress =
  | NonNullable<WorkflowRun["status"]>
  | NonNullable<CheckSuiteCompletedEvent["check_suite"]["status"]>
  | NonNullable<CheckSuiteRequestedEvent["check_suite"]["status"]>
  | NonNullable<WorkflowJob["status"]>
  | "pending";

// `Record` over the @octokit unions makes tsc fail when a known value is unmapped.
const GITHUB_CONCLUSIONS: Record<GithubConclusion, PipelineStatus> = {
  success: "success",
  neutral: "success",
  failure: "failure",
  timed_out: "failure",
  startup_failure: "failure",
  cancelled: "cancelled",
  stale: "cancelled",
  skipped: "skipped",
  action_required: "queued",
};

const GITHUB_PROGRESS: Record<Exclude<GithubProgress, "completed">, PipelineStatus> = {
  queued: "queued",
  requested: "queued",
  waiting: "queued",
  pending: "queued",
  in_progress: "running",
};

const GITHUB_COMMIT_STATES: Record<StatusEvent["state"], PipelineStatus> = {
  pending: "running",
  success: "success",
  failure: "failure",
  error: "failure",
};

const GITHUB_DEPLOYMENT_STATES: Record<
  DeploymentStatusCreatedEvent["deployment_status"]["state"] | "inactive",
  PipelineStatus
> = {
  queued: "queued",
  pending: "queued",
  waiting: "queued",
  in_progress: "running",
  success: "success",
  inactive: "success",
  failure: "failure",
  error: "failure",
};

const GITLAB_STATUSES: Record<string, PipelineStatus> = {
  created: "queued",
  waiting_for_resource: "queued",
  preparing: "queued",
  pending: "queued",
  scheduled: "queued",
  manual: "queued",
  blocked: "queued",
  running: "running",
  success: "success",
  failed: "failure",
  canceled: "cancelled",
  canceling: "cancelled",
  skipped: "skipped",
};

const CIRCLECI_STATUSES: Record<string, PipelineStatus> = {
  success: "success",
  failed: "failure",
  error: "failure",
  failing: "failure",
  unauthorized: "failure",
  infrastructure_fail: "failure",
  timedout: "failure",
  canceled: "cancelled",
  not_run: "skipped",
  on_hold: "queued",
  queued: "queued",
  not_running: "queued",
  blocked: "queued",
  running: "running",
};

function lookup(table: Readonly<Record<string, PipelineStatus>>, value: string | null | undefined): PipelineStatus | null {
  return typeof value === "string" && Object.hasOwn(table, value) ? (table[value] ?? null) : null;
}

/**
 * GitHub workflow runs/jobs, check suites/runs. `completed` reads the
 * conclusion; a completed run without a conclusion is unknown (`null`).
 * When `status` is absent, the webhook `action` stands in for it
 * (`requested` -> queued), as the README allows.
 */
export function githubCheckStatus(
  status: string | null | undefined,
  conclusion: string | null | undefined,
  action?: string | null,
): PipelineStatus | null {
  const progress = status ?? action ?? null;
  if (progress === "completed") return lookup(GITHUB_CONCLUSIONS, conclusion);
  return lookup(GITHUB_PROGRESS, progress) ?? lookup(GITHUB_CONCLUSIONS, conclusion);
}

/** GitHub legacy commit status `state` (the `status` event). */
export function githubCommitStatus(state: string | null | undefined): PipelineStatus | null {
  return lookup(GITHUB_COMMIT_STATES, state);
}

/** GitHub `deployment_status.state`. */
export function githubDeploymentStatus(state: string | null | undefined): PipelineStatus | null {
  return lookup(GITHUB_DEPLOYMENT_STATES, state);
}

/** GitLab pipeline, job (`build_status`) and deployment statuses. */
export function gitlabStatus(status: string | null | undefined): PipelineStatus | null {
  return lookup(GITLAB_STATUSES, status);
}

/** CircleCI workflow and job statuses. */
export function circleciStatus(status: string | null | undefined): PipelineStatus | null {
  return lookup(CIRCLECI_STATUSES, status);
}
