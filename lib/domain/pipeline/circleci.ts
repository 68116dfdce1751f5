import { z } from "zod";
import { stageFor, stageForAny } from "./stages";
import { circleciStatus } from "./status";
import {
  compactShas,
  compactTexts,
  ignored,
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

// CircleCI "Event specifications" (webhooks.md): workflow-completed and
// job-completed share project/pipeline/workflow; job-completed adds job.
const text = z.string().nullish();
const uuid = z.union([z.string().min(1), z.number()]);
const base = z.object({
  happened_at: text,
  project: z.object({ id: uuid.nullish(), slug: text }).nullish(),
  pipeline: z
    .object({
      vcs: z
        .object({
          target_repository_url: text,
          revision: text,
          branch: text,
          commit: z.object({ subject: text, body: text }).nullish(),
        })
        .nullish(),
    })
    .nullish(),
});
const workflow = z.object({
  id: uuid,
  name: text,
  status: text,
  url: text,
  created_at: text,
  stopped_at: text,
});

type Base = z.output<typeof base>;

const VCS_HOSTS: Record<string, string> = { "github.com": "github", "bitbucket.org": "bitbucket" };

/** "https://github.com/acme/shop" -> "github/acme/shop", the slug form, for payloads without project.slug. */
function slugFromVcsUrl(url: string | null | undefined): string | null {
  const value = textOrNull(url);
  if (value === null) return null;
  try {
    const parsed = new URL(value);
    const vcs = VCS_HOSTS[parsed.hostname.toLowerCase()];
    const path = parsed.pathname.replace(/^\/+|\/+$/g, "").replace(/\.git$/, "");
    return vcs === undefined || path === "" ? null : `${vcs}/${path}`;
  } catch {
    return null;
  }
}

function shared(body: Base): Pick<PipelineEvent, "repository" | "repositoryId" | "keyTexts" | "shas"> {
  const vcs = body.pipeline?.vcs;
  return {
    repository: textOrNull(body.project?.slug) ?? slugFromVcsUrl(vcs?.target_repository_url),
    repositoryId: body.project?.id == null ? null : String(body.project.id),
    keyTexts: compactTexts([vcs?.branch, vcs?.commit?.subject, vcs?.commit?.body]),
    shas: compactShas([vcs?.revision]),
  };
}

const workflowCompleted = parsedHandler(
  "workflow-completed",
  base.extend({ workflow }),
  (body, options) => {
    const wf = body.workflow;
    const name = textOrNull(wf.name);
    const status = circleciStatus(wf.status);
    const url = safeUrl(wf.url);
    return pipelineEvent("circleci", "workflow-completed", {
      ...shared(body),
      pipeline: name,
      status,
      runUrl: url,
      records: {
        run: {
          externalId: `workflow:${wf.id}`,
          attempt: 1, // "rerun workflow" creates a new workflow id
          branch: textOrNull(body.pipeline?.vcs?.branch),
          sha: textOrNull(body.pipeline?.vcs?.revision),
          name,
          stage: stageFor(name, options.stageRules),
          status,
          url,
          startedAt: toIsoTimestamp(wf.created_at),
          completedAt: toIsoTimestamp(wf.stopped_at),
          updatedAt: toIsoTimestamp(wf.stopped_at ?? body.happened_at),
        },
      },
    });
  },
);

const jobCompleted = parsedHandler(
  "job-completed",
  base.extend({
    workflow,
    job: z.object({
      id: uuid,
      name: z.string(),
      number: z.number().int().nullish(),
      status: text,
      started_at: text,
      stopped_at: text,
    }),
  }),
  (body, options) => {
    const job = body.job;
    const workflowUrl = safeUrl(body.workflow.url);
    const status = circleciStatus(job.status);
    const stoppedAt = toIsoTimestamp(job.stopped_at);
    return pipelineEvent("circleci", "job-completed", {
      ...shared(body),
      pipeline: textOrNull(body.workflow.name),
      job: job.name,
      status,
      runUrl: workflowUrl,
      records: {
        job: {
          runExternalId: `workflow:${body.workflow.id}`,
          externalId: `job:${job.id}`,
          attempt: 1,
          name: job.name,
          stage: stageForAny([job.name, body.workflow.name], options.stageRules),
          status,
          // The app's job page lives under the workflow page, by job number.
          url: workflowUrl !== null && job.number != null ? `${workflowUrl}/jobs/${job.number}` : workflowUrl,
          startedAt: toIsoTimestamp(job.started_at),
          completedAt: stoppedAt,
          updatedAt: stoppedAt ?? toIsoTimestamp(body.happened_at),
        },
      },
    });
  },
);

const HANDLERS: Record<string, DeliveryHandler> = {
  "workflow-completed": workflowCompleted,
  "job-completed": jobCompleted,
};

/**
 * Normalizes one CircleCI delivery; `event` is the `Circleci-Event-Type`
 * header. Other event types are ignored; a body that does not fit is ignored
 * as "invalid-payload". Never throws. CircleCI sends no delivery id header:
 * dedupe on the body's `id` (see `dedupeKey`).
 */
export function normalizeCircleci(event: string, body: unknown, options: NormalizeOptions = {}): NormalizedDelivery {
  const handler = Object.hasOwn(HANDLERS, event) ? HANDLERS[event] : undefined;
  if (handler === undefined) return ignored("unsupported-event", `CircleCI event "${event}" is not used`);
  return handler(body, options);
}
