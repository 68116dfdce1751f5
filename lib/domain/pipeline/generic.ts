import { z } from "zod";
import { stageFor, stageForAny } from "./stages";
import {
  PIPELINE_STATUSES,
  STAGES,
  compactShas,
  compactTexts,
  ignored,
  parsedHandler,
  pipelineEvent,
  safeUrl,
  textOrNull,
  toIsoTimestamp,
  type NormalizeOptions,
  type NormalizedDelivery,
} from "./types";

const externalId = z.union([z.string().min(1).max(200), z.number().int()]);
const webUrl = z.url({ protocol: /^https?$/ }).max(2000);
const timestamp = z.iso.datetime({ offset: true });

/**
 * Body of the generic CI webhook, for any CI that can POST JSON (Jenkins,
 * Buildkite, scripts). Send one delivery per state change: without `job` the
 * `status` is the whole pipeline's; with `job` it is that job's. Optional
 * request headers: `X-Shipboard-Event: ping` (ignored delivery),
 * `X-Shipboard-Delivery` (dedupe id), `X-Shipboard-Signature-256`
 * (`sha256=` + hex HMAC-SHA256 of the raw body, as GitHub signs).
 */
export const genericWebhookBodySchema = z
  .object({
    cards: z
      .array(z.string().max(500))
      .max(100)
      .optional()
      .describe('Extra texts searched for card keys, e.g. ["DEMO-12"]. Only keys of existing cards link.'),
    repository: z
      .string()
      .min(1)
      .max(300)
      .optional()
      .describe('Source repository, e.g. "acme/shop"; must match the integration\'s mapping for cards to link.'),
    branch: z.string().max(300).optional().describe("Branch that was built; searched for card keys."),
    commit: z.string().min(1).max(100).optional().describe("Full commit SHA that was built or deployed."),
    message: z.string().max(10_000).optional().describe("Commit message or title; searched for card keys."),
    pullRequest: z
      .object({
        number: z.number().int().positive().describe("Pull/merge request number."),
        title: z.string().max(500).describe("Title; searched for card keys."),
        url: webUrl.optional().describe("Web page of the pull request."),
        state: z.enum(["open", "closed", "merged"]).describe("Current state."),
        merged: z.boolean().optional().describe('true means merged, whatever "state" says.'),
      })
      .optional()
      .describe("Pull/merge request this pipeline belongs to."),
    pipeline: z
      .object({
        id: externalId.describe("Stable id of the pipeline/build in your CI."),
        name: z.string().min(1).max(200).describe("Pipeline name shown on cards."),
        attempt: z.number().int().min(1).optional().describe("Re-run number, default 1; a higher attempt supersedes."),
      })
      .describe("The pipeline run this delivery reports."),
    job: z
      .object({
        id: externalId.optional().describe("Stable job id; defaults to the job name within the pipeline."),
        name: z.string().min(1).max(200).describe("Job name."),
        stage: z.string().max(200).optional().describe("Your CI's stage name; mapped to a board stage by the project's rules."),
      })
      .optional()
      .describe("Present when the status is one job's, not the pipeline's."),
    stage: z.enum(STAGES).optional().describe("Board stage; overrides the stage rules."),
    status: z.enum(PIPELINE_STATUSES).describe("Status of the pipeline, or of the job when `job` is present."),
    environment: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe("Deployment environment, e.g. production; makes this delivery a deployment."),
    url: webUrl.optional().describe("Web page of the run (http or https)."),
    startedAt: timestamp.optional().describe("ISO 8601 start time."),
    finishedAt: timestamp.optional().describe("ISO 8601 end time; orders out-of-order deliveries."),
  })
  .describe("Shipboard generic CI/CD webhook body.");

export type GenericWebhookBody = z.output<typeof genericWebhookBodySchema>;

const handle = parsedHandler("generic", genericWebhookBodySchema, (body, options: NormalizeOptions) => {
  const pipelineId = String(body.pipeline.id);
  const attempt = body.pipeline.attempt ?? 1;
  const runExternalId = `pipeline:${pipelineId}`;
  const url = safeUrl(body.url);
  const startedAt = toIsoTimestamp(body.startedAt);
  const finishedAt = toIsoTimestamp(body.finishedAt);
  const updatedAt = finishedAt ?? startedAt;
  const pr = body.pullRequest;
  const merged = pr === undefined ? null : pr.merged === true || pr.state === "merged";
  const environment = textOrNull(body.environment);
  const job = body.job;

  return pipelineEvent("generic", "pipeline", {
    repository: textOrNull(body.repository),
    keyTexts: compactTexts([...(body.cards ?? []), body.branch, body.message, pr?.title]),
    pipeline: body.pipeline.name,
    job: job?.name ?? null,
    stage: textOrNull(job?.stage) ?? body.stage ?? null,
    status: body.status,
    environment,
    runUrl: url,
    prUrl: safeUrl(pr?.url),
    merged,
    records: {
      ...(job === undefined
        ? {
            run: {
              externalId: runExternalId,
              attempt,
              branch: textOrNull(body.branch),
              sha: textOrNull(body.commit),
              name: body.pipeline.name,
              stage: body.stage ?? stageFor(body.pipeline.name, options.stageRules),
              status: body.status,
              url,
              startedAt,
              completedAt: finishedAt,
              updatedAt,
            },
          }
        : {
            job: {
              runExternalId,
              externalId: `job:${pipelineId}/${job.id ?? job.name}`,
              attempt,
              name: job.name,
              stage: body.stage ?? stageForAny([job.stage, job.name, body.pipeline.name], options.stageRules),
              status: body.status,
              url,
              startedAt,
              completedAt: finishedAt,
              updatedAt,
            },
          }),
      ...(pr === undefined
        ? {}
        : {
            pullRequest: {
              number: pr.number,
              title: pr.title,
              state: merged === true ? "merged" : pr.state,
              merged: merged === true,
              url: safeUrl(pr.url),
              headRef: textOrNull(body.branch),
              headSha: textOrNull(body.commit),
              updatedAt,
            },
          }),
      ...(environment === null
        ? {}
        : {
            deployment: {
              // One pipeline attempt may deploy to several environments; each is its own deployment.
              externalId: `deployment:${pipelineId}#${attempt}@${environment}`,
              environment,
              status: body.status,
              sha: textOrNull(body.commit),
              ref: textOrNull(body.branch),
              url,
              at: updatedAt,
              updatedAt,
            },
          }),
    },
    shas: compactShas([body.commit]),
  });
});

/**
 * Normalizes a generic delivery; `event` is the optional `X-Shipboard-Event`
 * header: "ping" is ignored, anything else (or nothing) is a pipeline report.
 * A body that does not match `genericWebhookBodySchema` is ignored as
 * "invalid-payload"; never throws.
 */
export function normalizeGeneric(event: string, body: unknown, options: NormalizeOptions = {}): NormalizedDelivery {
  if (event === "ping") return ignored("ping", "generic ping");
  return handle(body, options);
}
