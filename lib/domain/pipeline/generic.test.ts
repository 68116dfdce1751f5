import { describe, it, expect } from "vitest";
import { z } from "zod";
import { findCardKeys } from "./card-keys";
import { genericWebhookBodySchema, normalizeGeneric } from "./generic";
import type { NormalizedDelivery, PipelineEvent } from "./types";

function asEvent(delivery: NormalizedDelivery): PipelineEvent {
  if (delivery.kind !== "event") throw new Error(`expected an event, got ignored: ${delivery.reason}`);
  return delivery;
}

const minimal = { pipeline: { id: 42, name: "Jenkins main" }, status: "running" };

describe("normalizeGeneric", () => {
  it("reports a pipeline run from the minimal body", () => {
    const delivery = asEvent(normalizeGeneric("", minimal));
    expect(delivery).toMatchObject({ provider: "generic", pipeline: "Jenkins main", status: "running", job: null });
    expect(delivery.records).toEqual({
      run: {
        externalId: "pipeline:42",
        attempt: 1,
        branch: null,
        sha: null,
        name: "Jenkins main",
        stage: null,
        status: "running",
        url: null,
        startedAt: null,
        completedAt: null,
        updatedAt: null,
      },
    });
  });

  it("treats explicit cards as extra key texts next to branch, message and PR title", () => {
    const delivery = asEvent(
      normalizeGeneric("pipeline", {
        ...minimal,
        cards: ["DEMO-3", "see demo-4"],
        branch: "feature/DEMO-5-x",
        message: "DEMO-6 fix",
        pullRequest: { number: 9, title: "DEMO-7 title", state: "open" },
      }),
    );
    expect(findCardKeys(delivery.keyTexts, "DEMO")).toEqual(["DEMO-3", "DEMO-4", "DEMO-5", "DEMO-6", "DEMO-7"]);
  });

  it("reports a job, a pull request and a deployment when given", () => {
    const delivery = asEvent(
      normalizeGeneric("", {
        repository: "acme/shop",
        branch: "main",
        commit: "c".repeat(40),
        pullRequest: { number: 9, title: "t", url: "https://ci.example.com/pr/9", state: "closed", merged: true },
        pipeline: { id: "b-7", name: "release", attempt: 2 },
        job: { name: "ship", stage: "Deliver" },
        status: "success",
        environment: "production",
        url: "https://ci.example.com/b-7",
        startedAt: "2024-06-06T11:00:00Z",
        finishedAt: "2024-06-06T13:05:00+02:00",
      }),
    );
    expect(delivery).toMatchObject({
      repository: "acme/shop",
      job: "ship",
      stage: "Deliver",
      environment: "production",
      runUrl: "https://ci.example.com/b-7",
      prUrl: "https://ci.example.com/pr/9",
      merged: true,
      shas: ["c".repeat(40)],
    });
    expect(delivery.records.run).toBeUndefined();
    expect(delivery.records.job).toMatchObject({
      runExternalId: "pipeline:b-7",
      externalId: "job:b-7/ship",
      attempt: 2,
      stage: "deploy",
      updatedAt: "2024-06-06T11:05:00.000Z",
    });
    expect(delivery.records.pullRequest).toMatchObject({ number: 9, state: "merged", merged: true, headRef: "main" });
    expect(delivery.records.deployment).toMatchObject({
      externalId: "deployment:b-7#2@production",
      status: "success",
      at: "2024-06-06T11:05:00.000Z",
    });
  });

  it("lets an explicit board stage override the rules", () => {
    const delivery = asEvent(normalizeGeneric("", { ...minimal, stage: "release" }));
    expect(delivery.records.run?.stage).toBe("release");
    expect(delivery.stage).toBe("release");
  });

  it.each([
    ["a missing pipeline", { status: "success" }],
    ["an unknown status", { ...minimal, status: "passed" }],
    ["a javascript: URL", { ...minimal, url: "javascript:alert(1)" }],
    ["a timestamp without zone", { ...minimal, finishedAt: "2024-06-06 11:00" }],
    ["a non-object body", "status=success"],
  ])("rejects %s as an invalid payload", (_why, body) => {
    expect(normalizeGeneric("", body)).toMatchObject({ kind: "ignored", code: "invalid-payload" });
  });

  it("ignores a ping", () => {
    expect(normalizeGeneric("ping", minimal)).toMatchObject({ kind: "ignored", code: "ping" });
  });
});

describe("genericWebhookBodySchema", () => {
  it("converts to JSON Schema for the OpenAPI document, with descriptions", () => {
    const schema = z.toJSONSchema(genericWebhookBodySchema) as {
      description?: string;
      required?: string[];
      properties: Record<string, { description?: string }>;
    };
    expect(schema.required).toEqual(["pipeline", "status"]);
    expect(schema.description).toBeTruthy();
    for (const [name, property] of Object.entries(schema.properties)) {
      expect(property.description, name).toBeTruthy();
    }
  });
});
