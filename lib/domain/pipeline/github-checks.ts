import { z } from "zod";
import { commit, headRefs, id, pullRequests, repository, source, text } from "./github-payload";
import { stageFor, stageForAny } from "./stages";
import { githubCheckStatus, githubCommitStatus } from "./status";
import { compactShas, compactTexts, parsedHandler, pipelineEvent, safeUrl, textOrNull, toIsoTimestamp } from "./types";

/** GitHub events that report CI results: Actions runs and jobs, Checks API, commit statuses. */
export const workflowRun = parsedHandler(
  "workflow_run",
  z.object({
    action: text,
    repository,
    workflow: z.object({ name: text }).nullish(),
    workflow_run: z.object({
      id,
      name: text,
      head_branch: text,
      head_sha: text,
      display_title: text,
      status: text,
      conclusion: text,
      html_url: text,
      run_attempt: z.number().int().positive().nullish(),
      run_started_at: text,
      created_at: text,
      updated_at: text,
      head_commit: commit,
      pull_requests: pullRequests,
    }),
  }),
  (body, options) => {
    const run = body.workflow_run;
    // Real payloads carry `name: ""` for some runs; the workflow's name is the same pipeline.
    const name = textOrNull(run.name) ?? textOrNull(body.workflow?.name);
    const status = githubCheckStatus(run.status, run.conclusion, body.action);
    const url = safeUrl(run.html_url);
    return pipelineEvent("github", "workflow_run", {
      ...source(body.repository),
      keyTexts: compactTexts([run.head_branch, run.display_title, run.head_commit?.message, ...headRefs(run.pull_requests)]),
      pipeline: name,
      status,
      runUrl: url,
      records: {
        run: {
          externalId: `workflow_run:${run.id}`,
          attempt: run.run_attempt ?? 1,
          branch: textOrNull(run.head_branch),
          sha: textOrNull(run.head_sha),
          name,
          stage: stageFor(name, options.stageRules),
          status,
          url,
          startedAt: toIsoTimestamp(run.run_started_at ?? run.created_at),
          completedAt: run.status === "completed" ? toIsoTimestamp(run.updated_at) : null,
          updatedAt: toIsoTimestamp(run.updated_at),
        },
      },
      shas: compactShas([run.head_sha]),
    });
  },
);

export const workflowJob = parsedHandler(
  "workflow_job",
  z.object({
    action: text,
    repository,
    workflow_job: z.object({
      id,
      run_id: id,
      run_attempt: z.number().int().positive().nullish(),
      name: z.string(),
      workflow_name: text,
      head_branch: text,
      head_sha: text,
      status: text,
      conclusion: text,
      html_url: text,
      created_at: text,
      started_at: text,
      completed_at: text,
    }),
  }),
  (body, options) => {
    const job = body.workflow_job;
    const status = githubCheckStatus(job.status, job.conclusion, body.action);
    const url = safeUrl(job.html_url);
    return pipelineEvent("github", "workflow_job", {
      ...source(body.repository),
      keyTexts: compactTexts([job.head_branch]),
      pipeline: textOrNull(job.workflow_name),
      job: job.name,
      status,
      runUrl: url,
      records: {
        job: {
          runExternalId: `workflow_run:${job.run_id}`,
          externalId: `workflow_job:${job.id}`,
          attempt: job.run_attempt ?? 1,
          name: job.name,
          // A generic job name ("run") in a "Deploy" workflow still belongs to deploy.
          stage: stageForAny([job.name, job.workflow_name], options.stageRules),
          status,
          url,
          startedAt: toIsoTimestamp(job.started_at),
          completedAt: toIsoTimestamp(job.completed_at),
          updatedAt: toIsoTimestamp(job.completed_at ?? job.started_at ?? job.created_at),
        },
      },
      shas: compactShas([job.head_sha]),
    });
  },
);

export const checkSuite = parsedHandler(
  "check_suite",
  z.object({
    action: text,
    repository,
    check_suite: z.object({
      id,
      head_branch: text,
      head_sha: text,
      status: text,
      conclusion: text,
      app: z.object({ name: text }).nullish(),
      head_commit: commit,
      pull_requests: pullRequests,
      created_at: text,
      updated_at: text,
    }),
  }),
  (body, options) => {
    const suite = body.check_suite;
    const name = textOrNull(suite.app?.name);
    const status = githubCheckStatus(suite.status, suite.conclusion, body.action);
    return pipelineEvent("github", "check_suite", {
      ...source(body.repository),
      keyTexts: compactTexts([suite.head_branch, suite.head_commit?.message, ...headRefs(suite.pull_requests)]),
      pipeline: name,
      status,
      records: {
        run: {
          externalId: `check_suite:${suite.id}`,
          attempt: 1,
          branch: textOrNull(suite.head_branch),
          sha: textOrNull(suite.head_sha),
          name,
          stage: stageFor(name, options.stageRules),
          status,
          url: null, // a check suite has no page of its own
          startedAt: toIsoTimestamp(suite.created_at),
          completedAt: suite.status === "completed" ? toIsoTimestamp(suite.updated_at) : null,
          updatedAt: toIsoTimestamp(suite.updated_at),
        },
      },
      shas: compactShas([suite.head_sha]),
    });
  },
);

export const checkRun = parsedHandler(
  "check_run",
  z.object({
    action: text,
    repository,
    check_run: z.object({
      id,
      name: z.string(),
      head_sha: text,
      status: text,
      conclusion: text,
      html_url: text,
      started_at: text,
      completed_at: text,
      check_suite: z.object({ head_branch: text }).nullish(),
      pull_requests: pullRequests,
    }),
  }),
  (body, options) => {
    const check = body.check_run;
    const status = githubCheckStatus(check.status, check.conclusion, body.action);
    const url = safeUrl(check.html_url);
    return pipelineEvent("github", "check_run", {
      ...source(body.repository),
      keyTexts: compactTexts([check.check_suite?.head_branch, ...headRefs(check.pull_requests)]),
      pipeline: check.name,
      status,
      runUrl: url,
      records: {
        run: {
          externalId: `check_run:${check.id}`,
          attempt: 1,
          branch: textOrNull(check.check_suite?.head_branch),
          sha: textOrNull(check.head_sha),
          name: check.name,
          stage: stageFor(check.name, options.stageRules),
          status,
          url,
          startedAt: toIsoTimestamp(check.started_at),
          completedAt: toIsoTimestamp(check.completed_at),
          updatedAt: toIsoTimestamp(check.completed_at ?? check.started_at),
        },
      },
      shas: compactShas([check.head_sha]),
    });
  },
);

export const commitStatus = parsedHandler(
  "status",
  z.object({
    repository,
    sha: z.string().min(1),
    context: text,
    state: text,
    target_url: text,
    branches: z.array(z.object({ name: text, commit: z.object({ sha: text }).nullish() })).nullish(),
    commit: z.object({ commit: z.object({ message: text }).nullish() }).nullish(),
    created_at: text,
    updated_at: text,
  }),
  (body, options) => {
    const context = textOrNull(body.context) ?? "default";
    const status = githubCommitStatus(body.state);
    const url = safeUrl(body.target_url);
    const branches = body.branches ?? [];
    return pipelineEvent("github", "status", {
      ...source(body.repository),
      keyTexts: compactTexts([...branches.map((b) => b.name), body.commit?.commit?.message]),
      pipeline: context,
      status,
      runUrl: url,
      records: {
        run: {
          // A commit status is identified by its context on one commit; new states overwrite it.
          externalId: `status:${context}@${body.sha}`,
          attempt: 1,
          branch: textOrNull(branches.find((b) => b.commit?.sha === body.sha)?.name),
          sha: body.sha,
          name: context,
          stage: stageFor(context, options.stageRules),
          status,
          url,
          startedAt: toIsoTimestamp(body.created_at),
          completedAt: status !== null && status !== "running" ? toIsoTimestamp(body.updated_at) : null,
          updatedAt: toIsoTimestamp(body.updated_at ?? body.created_at),
        },
      },
      shas: compactShas([body.sha]),
    });
  },
);
