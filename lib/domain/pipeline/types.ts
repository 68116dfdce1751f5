/**
 * Domain shapes for CI/CD webhook deliveries after normalization.
 *
 * A normalizer turns one provider delivery into either `ignored` (nothing may
 * change) or an `event`: flat summary fields (what the board shows and what
 * the shared fixtures' `expect` checks) plus structured records a persistence
 * layer upserts by `externalId` and orders with `precedence.ts`.
 *
 * The brief named both the flat job name and the job record `job`; the
 * records therefore live under `records` so each name has one meaning.
 */
import { z } from "zod";
import type { StageRule } from "./stages";

export const PROVIDERS = ["github", "gitlab", "circleci", "generic"] as const;
export type Provider = (typeof PROVIDERS)[number];

export const PIPELINE_STATUSES = ["queued", "running", "success", "failure", "cancelled", "skipped"] as const;
export type PipelineStatus = (typeof PIPELINE_STATUSES)[number];

export const STAGES = ["build", "test", "release", "deploy"] as const;
export type Stage = (typeof STAGES)[number];

/** Statuses after which a run/job/deployment attempt does not change by itself. */
export function isTerminalStatus(status: PipelineStatus | null): boolean {
  return status === "success" || status === "failure" || status === "cancelled" || status === "skipped";
}

/**
 * A pull/merge request. Upsert by (source, `number`).
 * `state` is "merged" exactly when `merged` is true.
 */
export interface PullRequestRecord {
  number: number;
  title: string;
  state: "open" | "closed" | "merged";
  merged: boolean;
  url: string | null;
  headRef: string | null;
  headSha: string | null;
  updatedAt: string | null;
}

/**
 * A pipeline run: GitHub workflow run, check suite, check run or commit-status
 * context; GitLab pipeline; CircleCI workflow; generic pipeline.
 * `externalId` is prefixed by kind ("workflow_run:123", "status:ci/build@<sha>",
 * "pipeline:31", "workflow:<uuid>") so kinds never collide within one source.
 */
export interface RunRecord {
  externalId: string;
  /** 1-based; a higher attempt (GitHub re-run) supersedes a lower one. */
  attempt: number;
  branch: string | null;
  sha: string | null;
  name: string | null;
  /** Board stage derived from the run name by the stage rules. */
  stage: Stage | null;
  /** `null` when the provider sent a value we do not know. */
  status: PipelineStatus | null;
  url: string | null;
  startedAt: string | null;
  completedAt: string | null;
  /** Provider's time of this state; `null` when the payload has none. */
  updatedAt: string | null;
}

/**
 * A job inside a run. `runExternalId` equals the `externalId` of the run it
 * belongs to; a job may arrive before its run, so the persister may create a
 * stub run named after the delivery's flat `pipeline` field.
 */
export interface JobRecord {
  runExternalId: string;
  externalId: string;
  attempt: number;
  name: string;
  stage: Stage | null;
  status: PipelineStatus | null;
  url: string | null;
  startedAt: string | null;
  completedAt: string | null;
  updatedAt: string | null;
}

/**
 * One deployment; each delivery carries its latest known status. Upsert by
 * `externalId` ("deployment:<id>"), keep per (environment, card) the latest.
 * `at` is when this status happened; `null` only for generic deliveries that
 * sent no time (the persister may use its receive time).
 */
export interface DeploymentRecord {
  externalId: string;
  environment: string;
  status: PipelineStatus | null;
  sha: string | null;
  ref: string | null;
  url: string | null;
  at: string | null;
  updatedAt: string | null;
  /** The provider's environment tier (GitHub `production_environment`, GitLab `environment_tier`); absent when not sent. */
  tier?: string | null;
}

/** A commit of a push with its own time (the payloads carry one: GitHub and GitLab `commits[].timestamp`). */
export interface PushedCommit {
  sha: string;
  authoredAt: string | null;
  committedAt: string | null;
}

/**
 * A push to a branch (tags and branch deletions are not pushes here). Upsert by (`ref`, `after`):
 * a redelivery changes nothing. `at` is null when the payload has no push time.
 */
export interface PushRecord {
  ref: string;
  after: string;
  at: string | null;
  /** Oldest first, as the providers list them. */
  commits: PushedCommit[];
}

/** An incident (an issue labelled `incident`, or the generic incident webhook). Upsert by `externalId`. */
export interface IncidentRecord {
  externalId: string;
  title: string;
  openedAt: string;
  /** Null while open. */
  resolvedAt: string | null;
  deploymentSha: string | null;
  /** The card key as sent (the generic webhook); issues name cards through `keyTexts` instead. */
  cardKey: string | null;
  url: string | null;
}

export interface DeliveryRecords {
  pullRequest?: PullRequestRecord;
  run?: RunRecord;
  job?: JobRecord;
  deployment?: DeploymentRecord;
  push?: PushRecord;
  incident?: IncidentRecord;
}

export type IgnoreCode = "ping" | "unsupported-event" | "invalid-payload";

export interface IgnoredDelivery {
  kind: "ignored";
  /** "invalid-payload" is the only code that suggests a sender bug. */
  code: IgnoreCode;
  reason: string;
}

export interface PipelineEvent {
  kind: "event";
  provider: Provider;
  event: string;
  /**
   * Source to map to a project, compared case-insensitively:
   * GitHub `repository.full_name` ("acme/shop"); GitLab
   * `project.path_with_namespace` ("acme/shop"); CircleCI `project.slug`
   * ("github/acme/shop", derived from the VCS URL on older payloads);
   * generic: the body's `repository`.
   */
  repository: string | null;
  /** Numeric id of the same source when sent: GitHub repository id, GitLab project id, CircleCI project id. */
  repositoryId: string | null;
  /** Texts to search for card keys (README "Fields searched for keys"). */
  keyTexts: string[];
  pipeline: string | null;
  job: string | null;
  /** Raw stage name as the provider sent it (GitLab `build_stage`). */
  stage: string | null;
  status: PipelineStatus | null;
  environment: string | null;
  runUrl: string | null;
  prUrl: string | null;
  merged: boolean | null;
  records: DeliveryRecords;
  /** Commit SHAs this delivery refers to, so later deployments of them inherit card links. */
  shas: string[];
}

export type NormalizedDelivery = IgnoredDelivery | PipelineEvent;

/** Options every normalizer accepts; stage rules come from the project's settings. */
export interface NormalizeOptions {
  stageRules?: readonly StageRule[];
}

/** Flat fields default to null so each normalizer states only what it knows. */
export function pipelineEvent(
  provider: Provider,
  event: string,
  fields: Partial<Omit<PipelineEvent, "kind" | "provider" | "event">>,
): PipelineEvent {
  return {
    kind: "event",
    provider,
    event,
    repository: null,
    repositoryId: null,
    keyTexts: [],
    pipeline: null,
    job: null,
    stage: null,
    status: null,
    environment: null,
    runUrl: null,
    prUrl: null,
    merged: null,
    records: {},
    shas: [],
    ...fields,
  };
}

export function ignored(code: IgnoreCode, reason: string): IgnoredDelivery {
  return { kind: "ignored", code, reason };
}

export type DeliveryHandler = (body: unknown, options: NormalizeOptions) => NormalizedDelivery;

/**
 * Validates `body` before `build` reads it. A body that does not fit is an
 * expected failure from outside, so it becomes an "invalid-payload" value,
 * never a throw.
 */
export function parsedHandler<S extends z.ZodType>(
  label: string,
  schema: S,
  build: (body: z.output<S>, options: NormalizeOptions) => NormalizedDelivery,
): DeliveryHandler {
  return (body, options) => {
    const result = schema.safeParse(body);
    if (result.success) return build(result.data, options);
    return ignored("invalid-payload", `${label}: ${z.prettifyError(result.error)}`);
  };
}

/** Non-empty strings only: providers send "" for "none" (GitHub `target_url: ""`). */
export function textOrNull(value: string | null | undefined): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/**
 * The URL as sent when it is absolute http(s), else `null`. These URLs become
 * links on cards, so a "javascript:" target (commit-status target_url is free
 * text set through the API) must never get through.
 */
export function safeUrl(value: string | null | undefined): string | null {
  const text = textOrNull(value);
  if (text === null) return null;
  try {
    const protocol = new URL(text).protocol;
    return protocol === "http:" || protocol === "https:" ? text : null;
  } catch {
    return null;
  }
}

/** Drops null/empty entries and exact duplicates, keeping first-seen order. */
export function compactTexts(values: ReadonlyArray<string | null | undefined>): string[] {
  return [...new Set(values.map(textOrNull).filter((v): v is string => v !== null))];
}

const ZERO_SHA = /^0+$/;

/** Commit SHAs without GitLab/GitHub's all-zero "no commit" marker. */
export function compactShas(values: ReadonlyArray<string | null | undefined>): string[] {
  return compactTexts(values).filter((sha) => !ZERO_SHA.test(sha));
}

/** Strips `refs/heads/` so a pushed branch reads like other events' branch names. */
export function branchFromRef(ref: string | null | undefined): string | null {
  const text = textOrNull(ref);
  return text === null ? null : text.replace(/^refs\/heads\//, "");
}

/**
 * ISO-8601 UTC for provider timestamps, `null` when absent or unparsable.
 * Accepts ISO strings and GitLab's "2016-08-12 15:23:28 UTC" and
 * "2025-05-02 12:36:52 +0000" forms. A time without a zone is read as UTC,
 * so the result never depends on the server's time zone. Never reads the clock.
 */
export function toIsoTimestamp(value: string | null | undefined): string | null {
  const text = textOrNull(value);
  if (text === null) return null;
  let normalized = text
    .trim()
    .replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, "$1T$2")
    .replace(/ ?UTC$/, "Z")
    .replace(/ ?([+-]\d{2}):?(\d{2})$/, "$1:$2");
  if (/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(normalized)) normalized += "Z";
  const millis = Date.parse(normalized);
  return Number.isNaN(millis) ? null : new Date(millis).toISOString();
}

const ZERO_OR_EMPTY = /^0*$/;

/**
 * The push record of a push payload: only pushes to a branch (`refs/heads/…`) that leave it at a
 * commit (a deletion's `after` is all zeros). Each commit's `timestamp` is the only time the
 * payloads carry; it is kept as the committer's time, which is what a rebase resets.
 */
export function pushRecords(
  ref: string | null | undefined,
  after: string | null | undefined,
  at: string | null,
  commits: ReadonlyArray<{ id?: string | null; timestamp?: string | null }>,
): Pick<DeliveryRecords, "push"> {
  const head = textOrNull(after);
  if (!ref?.startsWith("refs/heads/") || head === null || ZERO_OR_EMPTY.test(head)) return {};
  const pushed = commits.flatMap((commit) => {
    const sha = textOrNull(commit.id);
    return sha === null ? [] : [{ sha, authoredAt: null, committedAt: toIsoTimestamp(commit.timestamp) }];
  });
  return { push: { ref, after: head, at, commits: pushed } };
}

/** The label that makes an issue an incident (GitHub and GitLab), compared case-insensitively. */
export const INCIDENT_LABEL = "incident";

/**
 * An issue as an incident record when it carries the incident label, else null: opened at its
 * creation, resolved at its closing (a reopened issue is open again).
 */
export function issueIncident(issue: {
  number: number;
  title: string;
  url: string | null | undefined;
  labels: ReadonlyArray<string | null | undefined>;
  closed: boolean;
  createdAt: string | null | undefined;
  closedAt: string | null | undefined;
}): IncidentRecord | null {
  const openedAt = toIsoTimestamp(issue.createdAt);
  if (openedAt === null || !issue.labels.some((label) => label?.trim().toLowerCase() === INCIDENT_LABEL)) return null;
  return {
    externalId: `issue:${issue.number}`,
    title: issue.title,
    openedAt,
    resolvedAt: issue.closed ? toIsoTimestamp(issue.closedAt) : null,
    deploymentSha: null,
    cardKey: null,
    url: safeUrl(issue.url),
  };
}
