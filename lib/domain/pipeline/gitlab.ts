import { z } from "zod";
import { stageFor, stageForAny } from "./stages";
import { gitlabStatus } from "./status";
import {
  branchFromRef,
  compactShas,
  compactTexts,
  ignored,
  INCIDENT_LABEL,
  issueIncident,
  parsedHandler,
  pipelineEvent,
  pushRecords,
  safeUrl,
  textOrNull,
  toIsoTimestamp,
  type DeliveryHandler,
  type NormalizeOptions,
  type NormalizedDelivery,
  type PipelineEvent,
} from "./types";

// Only what we read; everything not needed to identify a record is nullish,
// because older GitLab versions omit many fields (a 2016 merge request hook
// has no project.id, a documented deployment hook has no ref).
const id = z.union([z.number(), z.string().min(1)]);
const text = z.string().nullish();
const project = z.object({ id: id.nullish(), path_with_namespace: text, web_url: text, homepage: text }).nullish();
const repository = z.object({ homepage: text }).nullish();

type Project = z.output<typeof project>;

/** "https://host/acme/shop(.git)" -> "acme/shop", for payloads without path_with_namespace. */
function pathFromUrl(url: string | null | undefined): string | null {
  const value = textOrNull(url);
  if (value === null) return null;
  try {
    return textOrNull(new URL(value).pathname.replace(/^\/+|\/+$/g, "").replace(/\.git$/, ""));
  } catch {
    return null;
  }
}

function webUrl(proj: Project, repo: z.output<typeof repository>): string | null {
  const url = safeUrl(proj?.web_url) ?? safeUrl(proj?.homepage) ?? safeUrl(repo?.homepage);
  return url === null ? null : url.replace(/\/+$/, "");
}

function source(
  proj: Project,
  repo: z.output<typeof repository>,
  fallbackId?: string | number | null,
): Pick<PipelineEvent, "repository" | "repositoryId"> {
  const projectId = proj?.id ?? fallbackId ?? null;
  return {
    repository: textOrNull(proj?.path_with_namespace) ?? pathFromUrl(webUrl(proj, repo)),
    repositoryId: projectId === null ? null : String(projectId),
  };
}

const pipelineHook = parsedHandler(
  "Pipeline Hook",
  z.object({
    project,
    object_attributes: z.object({
      id, name: text, ref: text, tag: z.boolean().nullish(), sha: text, status: text, url: text,
      created_at: text, finished_at: text,
    }),
    commit: z.object({ message: text }).nullish(),
    merge_request: z.object({ title: text, source_branch: text }).nullish(),
  }),
  (body, options) => {
    const attrs = body.object_attributes;
    const web = webUrl(body.project, null);
    const url = safeUrl(attrs.url) ?? (web === null ? null : `${web}/-/pipelines/${attrs.id}`);
    const name = textOrNull(attrs.name);
    // The pipeline's own status counts, not its builds' (a failed allow_failure job is fine).
    const status = gitlabStatus(attrs.status);
    return pipelineEvent("gitlab", "Pipeline Hook", {
      ...source(body.project, null),
      keyTexts: compactTexts([attrs.ref, body.commit?.message, body.merge_request?.title, body.merge_request?.source_branch]),
      pipeline: name,
      status,
      runUrl: url,
      records: {
        run: {
          externalId: `pipeline:${attrs.id}`,
          attempt: 1, // a GitLab retry keeps the pipeline id and has no attempt number
          branch: attrs.tag === true ? null : textOrNull(attrs.ref),
          sha: textOrNull(attrs.sha),
          name,
          stage: stageFor(name, options.stageRules),
          status,
          url,
          startedAt: toIsoTimestamp(attrs.created_at),
          completedAt: toIsoTimestamp(attrs.finished_at),
          updatedAt: toIsoTimestamp(attrs.finished_at ?? attrs.created_at),
        },
      },
      shas: compactShas([attrs.sha]),
    });
  },
);

const jobHook = parsedHandler(
  "Job Hook",
  z.object({
    project,
    repository,
    project_id: id.nullish(), pipeline_id: id.nullish(), ref: text, sha: text,
    build_id: id, build_name: z.string(), build_stage: text, build_status: text,
    build_created_at: text, build_started_at: text, build_started_at_iso: text,
    build_finished_at: text, build_finished_at_iso: text,
    retries_count: z.number().int().nonnegative().nullish(),
    // In Job Hooks `commit` describes the pipeline: commit.id is the pipeline id, commit.name its name.
    commit: z.object({ id: id.nullish(), name: text, message: text }).nullish(),
    environment: z.object({ name: text, action: text, deployment_tier: text }).nullish(),
  }),
  (body, options) => {
    const web = webUrl(body.project, body.repository);
    const url = web === null ? null : `${web}/-/jobs/${body.build_id}`;
    const status = gitlabStatus(body.build_status);
    const pipelineId = body.pipeline_id ?? body.commit?.id ?? null;
    const startedAt = toIsoTimestamp(body.build_started_at_iso ?? body.build_started_at);
    const completedAt = toIsoTimestamp(body.build_finished_at_iso ?? body.build_finished_at);
    const updatedAt = completedAt ?? startedAt ?? toIsoTimestamp(body.build_created_at);
    const environment = textOrNull(body.environment?.name);
    // A job that starts an environment deploys to it (other actions prepare, stop or verify one).
    const deployment =
      environment !== null && body.environment?.action === "start"
        ? { deployment: { externalId: deploymentJobId(body.build_id), environment, status, sha: textOrNull(body.sha), ref: textOrNull(body.ref), url, at: updatedAt, updatedAt, tier: textOrNull(body.environment.deployment_tier) } }
        : {};
    return pipelineEvent("gitlab", "Job Hook", {
      ...source(body.project, body.repository, body.project_id),
      keyTexts: compactTexts([body.ref, body.commit?.message]),
      pipeline: textOrNull(body.commit?.name),
      job: body.build_name,
      stage: textOrNull(body.build_stage),
      status,
      environment,
      runUrl: url,
      records:
        pipelineId === null
          ? deployment
          : {
              ...deployment,
              job: {
                runExternalId: `pipeline:${pipelineId}`,
                externalId: `job:${body.build_id}`,
                attempt: (body.retries_count ?? 0) + 1,
                name: body.build_name,
                stage: stageForAny([body.build_stage, body.build_name], options.stageRules),
                status,
                url,
                startedAt,
                completedAt,
                updatedAt,
              },
            },
      shas: compactShas([body.sha]),
    });
  },
);

/**
 * A deployment's id is its job's: the Job Hook of a job that starts an environment and the
 * Deployment Hook of that job (`deployable_id`) describe one deployment, never two.
 */
const deploymentJobId = (jobId: string | number) => `deployment-job:${jobId}`;

const FULL_SHA_IN_URL = /\/commit\/([0-9a-f]{40}|[0-9a-f]{64})(?:[/?#]|$)/i;

const deploymentHook = parsedHandler(
  "Deployment Hook",
  z.object({
    project,
    deployment_id: id, deployable_id: id.nullish(), status: text, status_changed_at: text, deployable_url: text,
    environment: z.string().min(1), environment_tier: text, ref: text, commit_title: text, commit_url: text,
  }),
  (body) => {
    const status = gitlabStatus(body.status);
    const url = safeUrl(body.deployable_url);
    const at = toIsoTimestamp(body.status_changed_at);
    // The hook sends only short_sha and commit_url; the full SHA is needed to match commits.
    const sha = FULL_SHA_IN_URL.exec(body.commit_url ?? "")?.[1] ?? null;
    return pipelineEvent("gitlab", "Deployment Hook", {
      ...source(body.project, null),
      keyTexts: compactTexts([body.ref, body.commit_title]),
      status,
      environment: body.environment,
      runUrl: url,
      records: {
        deployment: {
          externalId: body.deployable_id == null ? `deployment:${body.deployment_id}` : deploymentJobId(body.deployable_id),
          environment: body.environment,
          status,
          sha,
          ref: textOrNull(body.ref),
          url,
          at,
          updatedAt: at,
          tier: textOrNull(body.environment_tier),
        },
      },
      shas: compactShas([sha]),
    });
  },
);

const mergeRequestHook = parsedHandler(
  "Merge Request Hook",
  z.object({
    project,
    repository,
    object_attributes: z.object({
      iid: z.number().int(), title: z.string(), state: text, action: text, url: text,
      source_branch: text, target_project_id: id.nullish(), updated_at: text, merge_commit_sha: text,
      last_commit: z.object({ id: text }).nullish(),
    }),
  }),
  (body) => {
    const mr = body.object_attributes;
    const merged = mr.action === "merge" || mr.state === "merged";
    const url = safeUrl(mr.url);
    return pipelineEvent("gitlab", "Merge Request Hook", {
      ...source(body.project, body.repository, mr.target_project_id),
      // The description is deliberately not searched: it mentions related cards too often.
      keyTexts: compactTexts([mr.title, mr.source_branch]),
      prUrl: url,
      merged,
      records: {
        pullRequest: {
          number: mr.iid,
          title: mr.title,
          state: merged ? "merged" : mr.state === "closed" ? "closed" : "open",
          merged,
          url,
          headRef: textOrNull(mr.source_branch),
          headSha: textOrNull(mr.last_commit?.id),
          updatedAt: toIsoTimestamp(mr.updated_at),
        },
      },
      shas: compactShas([mr.last_commit?.id, merged ? mr.merge_commit_sha : null]),
    });
  },
);

const pushHook = parsedHandler(
  "Push Hook",
  z.object({
    project, repository, project_id: id.nullish(), ref: text, after: text, checkout_sha: text,
    commits: z.array(z.object({ id: text, message: text, timestamp: text })).nullish(),
  }),
  (body) =>
    pipelineEvent("gitlab", "Push Hook", {
      ...source(body.project, body.repository, body.project_id),
      keyTexts: compactTexts([branchFromRef(body.ref), ...(body.commits ?? []).map((c) => c.message)]),
      // A push hook carries no push time: the receive time stands for it.
      records: pushRecords(body.ref, body.after, null, body.commits ?? []),
      shas: compactShas([...(body.commits ?? []).map((c) => c.id), body.checkout_sha ?? body.after]),
    }),
);

const issueHook = parsedHandler(
  "Issue Hook",
  z.object({
    project,
    object_attributes: z.object({ iid: z.number().int(), title: z.string(), url: text, state: text, created_at: text, closed_at: text }),
    labels: z.array(z.object({ title: text })).nullish(),
  }),
  (body) => {
    const issue = body.object_attributes;
    const incident = issueIncident({
      number: issue.iid, title: issue.title, url: issue.url, labels: (body.labels ?? []).map((label) => label.title),
      closed: issue.state === "closed", createdAt: issue.created_at, closedAt: issue.closed_at,
    });
    if (incident === null) return ignored("unsupported-event", `issue #${issue.iid} is not labelled "${INCIDENT_LABEL}"`);
    return pipelineEvent("gitlab", "Issue Hook", { ...source(body.project, null), keyTexts: compactTexts([issue.title]), records: { incident } });
  },
);

const HANDLERS: Record<string, DeliveryHandler> = {
  "Issue Hook": issueHook,
  "Pipeline Hook": pipelineHook,
  "Job Hook": jobHook,
  "Build Hook": jobHook, // name of the Job Hook before GitLab 9.3
  "Deployment Hook": deploymentHook,
  "Merge Request Hook": mergeRequestHook,
  "Push Hook": pushHook,
};

/**
 * Normalizes one GitLab delivery; `event` is the `X-Gitlab-Event` header.
 * Issues count only when labelled `incident`; other hooks (tag push, notes, system hooks) are ignored; a body
 * that does not fit is ignored as "invalid-payload". Never throws.
 */
export function normalizeGitlab(event: string, body: unknown, options: NormalizeOptions = {}): NormalizedDelivery {
  const handler = Object.hasOwn(HANDLERS, event) ? HANDLERS[event] : undefined;
  if (handler === undefined) return ignored("unsupported-event", `GitLab event "${event}" is not used`);
  return handler(body, options);
}
