import { z } from "zod";
import { checkRun, checkSuite, commitStatus, workflowJob, workflowRun } from "./github-checks";
import {
  commit,
  deployment,
  deploymentWorkflowRun,
  id,
  repository,
  source,
  text,
  type Repository,
} from "./github-payload";
import { githubDeploymentStatus } from "./status";
import {
  branchFromRef,
  compactShas,
  pushRecords,
  compactTexts,
  ignored,
  INCIDENT_LABEL,
  issueIncident,
  parsedHandler,
  pipelineEvent,
  safeUrl,
  textOrNull,
  toIsoTimestamp,
  type DeliveryHandler,
  type NormalizeOptions,
  type NormalizedDelivery,
  type PipelineEvent,
} from "./types";

const push = parsedHandler(
  "push",
  z.object({
    // Push events give `pushed_at` in epoch seconds (other events give ISO strings).
    repository: z.object({ id: id.nullish(), full_name: text, pushed_at: z.union([z.number(), z.string()]).nullish() }).nullish(),
    ref: text, after: text, commits: z.array(commit).nullish(), head_commit: commit,
  }),
  (body) => {
    const pushedAt = body.repository?.pushed_at;
    const at = typeof pushedAt === "number" ? new Date(pushedAt * 1000).toISOString() : toIsoTimestamp(pushedAt);
    return pipelineEvent("github", "push", {
      ...source(body.repository),
      keyTexts: compactTexts([
        branchFromRef(body.ref),
        ...(body.commits ?? []).map((c) => c?.message),
        body.head_commit?.message,
      ]),
      records: pushRecords(body.ref, body.after, at, (body.commits ?? []).map((c) => ({ id: c?.id, timestamp: c?.timestamp }))),
      shas: compactShas([...(body.commits ?? []).map((c) => c?.id), body.after]),
    });
  },
);

const pullRequest = parsedHandler(
  "pull_request",
  z.object({
    repository,
    pull_request: z.object({
      number: z.number().int(),
      title: z.string(),
      state: text,
      merged: z.boolean().nullish(),
      merged_at: text,
      merge_commit_sha: text,
      html_url: text,
      updated_at: text,
      head: z.object({ ref: text, sha: text }).nullish(),
    }),
  }),
  (body) => {
    const pr = body.pull_request;
    const merged = pr.merged ?? textOrNull(pr.merged_at) !== null;
    const url = safeUrl(pr.html_url);
    return pipelineEvent("github", "pull_request", {
      ...source(body.repository),
      // The description is deliberately not searched: it mentions related cards too often.
      keyTexts: compactTexts([pr.title, pr.head?.ref]),
      prUrl: url,
      merged,
      records: {
        pullRequest: {
          number: pr.number,
          title: pr.title,
          state: merged ? "merged" : pr.state === "closed" ? "closed" : "open",
          merged,
          url,
          headRef: textOrNull(pr.head?.ref),
          headSha: textOrNull(pr.head?.sha),
          updatedAt: toIsoTimestamp(pr.updated_at),
        },
      },
      // Before a merge, merge_commit_sha is only GitHub's test merge; it never ships.
      shas: compactShas([pr.head?.sha, merged ? pr.merge_commit_sha : null]),
    });
  },
);

const deploymentCreated = parsedHandler(
  "deployment",
  z.object({ repository, deployment, workflow_run: deploymentWorkflowRun }),
  (body) =>
    deploymentEvent("deployment", body, "queued", null, safeUrl(body.workflow_run?.html_url), {
      at: toIsoTimestamp(body.deployment.created_at),
      updatedAt: toIsoTimestamp(body.deployment.updated_at ?? body.deployment.created_at),
    }),
);

const deploymentStatus = parsedHandler(
  "deployment_status",
  z.object({
    repository,
    deployment,
    workflow_run: deploymentWorkflowRun,
    deployment_status: z.object({
      state: text,
      environment: text,
      target_url: text,
      log_url: text,
      created_at: text,
      updated_at: text,
    }),
  }),
  (body) => {
    const status = body.deployment_status;
    return deploymentEvent(
      "deployment_status",
      body,
      githubDeploymentStatus(status.state),
      textOrNull(status.environment),
      safeUrl(status.target_url) ?? safeUrl(status.log_url),
      {
        at: toIsoTimestamp(status.created_at ?? status.updated_at),
        updatedAt: toIsoTimestamp(status.updated_at ?? status.created_at),
      },
    );
  },
);

function deploymentEvent(
  event: string,
  body: {
    repository?: Repository;
    deployment: z.output<typeof deployment>;
    workflow_run?: z.output<typeof deploymentWorkflowRun>;
  },
  status: PipelineEvent["status"],
  statusEnvironment: string | null,
  runUrl: string | null,
  times: { at: string | null; updatedAt: string | null },
): PipelineEvent {
  const dep = body.deployment;
  const environment = statusEnvironment ?? textOrNull(dep.environment);
  return pipelineEvent("github", event, {
    ...source(body.repository),
    keyTexts: compactTexts([dep.ref, body.workflow_run?.head_branch]),
    status,
    environment,
    runUrl,
    records:
      environment === null
        ? {}
        : {
            deployment: {
              externalId: `deployment:${dep.id}`,
              environment,
              status,
              sha: textOrNull(dep.sha),
              ref: textOrNull(dep.ref),
              url: runUrl,
              ...times,
              // Only `true` is a statement about the tier; `false` leaves it to the environment's name.
              tier: dep.production_environment === true ? "production" : null,
            },
          },
    shas: compactShas([dep.sha]),
  });
}

const issues = parsedHandler(
  "issues",
  z.object({
    repository,
    issue: z.object({
      number: z.number().int(), title: z.string(), html_url: text, state: text, created_at: text, closed_at: text,
      labels: z.array(z.object({ name: text })).nullish(),
    }),
  }),
  (body) => {
    const issue = body.issue;
    const incident = issueIncident({
      number: issue.number, title: issue.title, url: issue.html_url, labels: (issue.labels ?? []).map((label) => label.name),
      closed: issue.state === "closed", createdAt: issue.created_at, closedAt: issue.closed_at,
    });
    if (incident === null) return ignored("unsupported-event", `issue #${issue.number} is not labelled "${INCIDENT_LABEL}"`);
    return pipelineEvent("github", "issues", { ...source(body.repository), keyTexts: compactTexts([issue.title]), records: { incident } });
  },
);

const HANDLERS: Record<string, DeliveryHandler> = {
  issues,
  workflow_run: workflowRun,
  workflow_job: workflowJob,
  check_suite: checkSuite,
  check_run: checkRun,
  status: commitStatus,
  push,
  pull_request: pullRequest,
  deployment: deploymentCreated,
  deployment_status: deploymentStatus,
};

/**
 * Normalizes one GitHub delivery; `event` is the `X-GitHub-Event` header.
 * `ping` and events not listed above are ignored; a body that does not fit
 * its event is ignored as "invalid-payload". Never throws.
 */
export function normalizeGithub(event: string, body: unknown, options: NormalizeOptions = {}): NormalizedDelivery {
  if (event === "ping") return ignored("ping", "GitHub ping");
  const handler = Object.hasOwn(HANDLERS, event) ? HANDLERS[event] : undefined;
  if (handler === undefined) return ignored("unsupported-event", `GitHub event "${event}" is not used`);
  return handler(body, options);
}
