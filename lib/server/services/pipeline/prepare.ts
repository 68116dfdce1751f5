// First step of processing a delivery, before any database access: parse, normalize with the
// integration's stage rules, and check the repository mapping. Ignored deliveries end here.
import { normalizeDelivery } from "@/lib/domain/pipeline/normalize";
import { matchesRepository } from "@/lib/domain/pipeline/repository";
import type { StageRule } from "@/lib/domain/pipeline/stages";
import type { PipelineEvent, Provider } from "@/lib/domain/pipeline/types";
import { parseWebhookJson } from "./body";

export interface IntegrationContext {
  id: string;
  projectId: string;
  projectKey: string;
  provider: Provider;
  repository: string | null;
  stageRules: StageRule[] | undefined;
}

/**
 * What a delivery derived, in the terms of the shared fixtures' `expect` (README): shown in the
 * delivery log and returned by the deliveries API. `ignored` says why nothing changed.
 */
export interface DeliveryResult {
  linkedCards: string[];
  pipeline: string | null;
  job: string | null;
  stage: string | null;
  status: PipelineEvent["status"];
  environment: string | null;
  runUrl: string | null;
  prUrl: string | null;
  merged: boolean | null;
  ignored?: { code: string; reason: string };
}

export interface ProcessOutcome {
  status: "processed" | "ignored";
  result: DeliveryResult;
}

const NOTHING: Omit<DeliveryResult, "linkedCards"> = {
  pipeline: null, job: null, stage: null, status: null, environment: null, runUrl: null, prUrl: null, merged: null,
};

export function derivedFields(event: PipelineEvent): Omit<DeliveryResult, "linkedCards"> {
  const { pipeline, job, stage, status, environment, runUrl, prUrl, merged } = event;
  return { pipeline, job, stage, status, environment, runUrl, prUrl, merged };
}

function ignoredOutcome(fields: Omit<DeliveryResult, "linkedCards">, code: string, reason: string): ProcessOutcome {
  return { status: "ignored", result: { ...fields, linkedCards: [], ignored: { code, reason } } };
}

/** The delivery's pipeline event, or the outcome of a delivery that changes nothing. */
export function prepareDelivery(integration: IntegrationContext, delivery: { event: string; body: string | null }): PipelineEvent | ProcessOutcome {
  let body: unknown;
  try {
    body = parseWebhookJson(delivery.body ?? "");
  } catch {
    return ignoredOutcome(NOTHING, "invalid-payload", "The body is not valid JSON.");
  }
  const event = normalizeDelivery(integration.provider, delivery.event, body, { stageRules: integration.stageRules });
  if (event.kind === "ignored") return ignoredOutcome(NOTHING, event.code, event.reason);
  if (!matchesRepository(integration.repository, integration.provider, event)) {
    const source = event.repository ?? event.repositoryId ?? "no repository";
    return ignoredOutcome(derivedFields(event), "unmapped-repository", `The delivery comes from ${source}; this integration accepts ${integration.repository} only.`);
  }
  return event;
}
