import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { genericWebhookBodySchema } from "@/lib/domain/pipeline/generic";
import { CURL_EXAMPLE, GITHUB_ACTIONS_STEP, GITLAB_CI_JOB } from "./webhook-examples";

const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/generic-webhook.md"), "utf8");

describe("generic webhook examples", () => {
  it("sends a body the generic provider accepts", () => {
    const body = /^BODY='(.*)'$/m.exec(CURL_EXAMPLE)?.[1];
    expect(genericWebhookBodySchema.safeParse(JSON.parse(body!)).success).toBe(true);
  });

  it("signs the bytes it posts and names the delivery", () => {
    for (const example of [CURL_EXAMPLE, GITHUB_ACTIONS_STEP, GITLAB_CI_JOB]) {
      expect(example).toContain(`printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SHIPBOARD_WEBHOOK_SECRET"`);
      expect(example).toContain(`--data-raw "$BODY"`);
      expect(example).toContain("X-Shipboard-Delivery: $DELIVERY");
    }
  });

  it("never pastes CI-provided text into the CI scripts", () => {
    // Branch names and commit messages reach jq as --arg values from the environment only.
    expect(GITHUB_ACTIONS_STEP.split("run: |")[1]).not.toContain("${{");
  });

  it("is what docs/generic-webhook.md shows, and the doc covers every body field", () => {
    for (const example of [CURL_EXAMPLE, GITHUB_ACTIONS_STEP, GITLAB_CI_JOB]) expect(doc).toContain(example);
    for (const field of Object.keys(genericWebhookBodySchema.shape)) expect(doc).toMatch(new RegExp(`\`${field}[\`.]`));
  });
});
