// What the normalizers record for delivery measures (issue 14): pushes with their commits' own
// times, deployment tiers, GitLab jobs that start an environment.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeDelivery } from "./normalize";
import type { PipelineEvent, Provider } from "./types";

const FIXTURES = path.resolve(import.meta.dirname, "../../../../shared/fixtures/webhooks");
const body = (file: string) => (JSON.parse(fs.readFileSync(path.join(FIXTURES, file), "utf8")) as { body: Record<string, unknown> }).body;
const normalized = (provider: Provider, event: string, payload: unknown) => normalizeDelivery(provider, event, payload) as PipelineEvent;

describe("pushes", () => {
  it("GitHub: the branch, its head, the push time and each commit's own timestamp", () => {
    expect(normalized("github", "push", body("github/push.branch.json")).records.push).toEqual({
      ref: "refs/heads/feature/DEMO-30-checkout-copy",
      after: "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
      at: "2019-05-15T15:20:57.000Z",
      commits: [{ sha: "6113728f27ae82c7b1a177c8d03f9e96e0adf246", authoredAt: null, committedAt: "2019-05-15T15:19:25.000Z" }],
    });
  });

  it("GitLab: commits oldest first with their timestamps in UTC; no push time in the payload", () => {
    const push = normalized("gitlab", "Push Hook", body("gitlab/push.json")).records.push!;
    expect(push.at).toBeNull();
    expect(push.commits.map((commit) => [commit.sha.slice(0, 7), commit.committedAt])).toEqual([
      ["b6568db", "2011-12-12T12:27:31.000Z"],
      ["da15608", "2012-01-03T21:36:29.000Z"],
    ]);
  });

  it("tags and branch deletions are not pushes", () => {
    const push = body("github/push.branch.json");
    expect(normalized("github", "push", { ...push, ref: "refs/tags/v1.0" }).records.push).toBeUndefined();
    expect(normalized("github", "push", { ...push, after: "0".repeat(40), commits: [] }).records.push).toBeUndefined();
  });
});

describe("deployments", () => {
  it("GitLab Deployment Hook: the tier, and the deploying job's id as the deployment's", () => {
    const deployment = normalized("gitlab", "Deployment Hook", body("gitlab/deployment.success-staging.json")).records.deployment!;
    expect(deployment.tier).toBe("staging");
    expect(deployment.externalId).toMatch(/^deployment-job:\d+$/);
  });

  it("a GitLab job that starts an environment is that deployment; other actions are not", () => {
    const job = { ...body("gitlab/job.created.json"), build_id: 9905389091, build_status: "success", build_finished_at: "2025-05-02 11:55:16 UTC", environment: { name: "production", action: "start", deployment_tier: "production" } };
    const fromJob = normalized("gitlab", "Job Hook", job).records.deployment!;
    expect(fromJob).toMatchObject({ externalId: "deployment-job:9905389091", environment: "production", status: "success", tier: "production", at: "2025-05-02T11:55:16.000Z" });
    // The Deployment Hook of the same job names the same deployment.
    expect(normalized("gitlab", "Deployment Hook", body("gitlab/deployment.success-production.json")).records.deployment!.externalId).toBe(fromJob.externalId);
    expect(normalized("gitlab", "Job Hook", { ...job, environment: { name: "production", action: "prepare" } }).records.deployment).toBeUndefined();
  });

  it("GitHub: production_environment true is the production tier; false leaves it to the name", () => {
    const status = body("github/deployment_status.success-production.json") as { deployment: Record<string, unknown> };
    const tierOf = (production: boolean) => normalized("github", "deployment_status", { ...status, deployment: { ...status.deployment, production_environment: production } }).records.deployment!.tier;
    expect(tierOf(true)).toBe("production");
    expect(tierOf(false)).toBeNull();
  });
});

describe("issues labelled incident", () => {
  const githubIssue = (labels: string[], state = "open") => ({
    action: state === "open" ? "opened" : "closed",
    repository: { id: 1, full_name: "acme/shop" },
    issue: { number: 7, title: "DEMO-3 checkout down", html_url: "https://github.com/acme/shop/issues/7", state, created_at: "2026-03-04T13:00:00Z", closed_at: state === "closed" ? "2026-03-04T16:00:00Z" : null, labels: labels.map((name) => ({ name })) },
  });

  it("GitHub: opened and closed become an incident's opening and resolution", () => {
    expect(normalized("github", "issues", githubIssue(["bug", "Incident"])).records.incident).toEqual({
      externalId: "issue:7", title: "DEMO-3 checkout down", openedAt: "2026-03-04T13:00:00.000Z", resolvedAt: null, deploymentSha: null, cardKey: null, url: "https://github.com/acme/shop/issues/7",
    });
    expect(normalized("github", "issues", githubIssue(["incident"], "closed")).records.incident!.resolvedAt).toBe("2026-03-04T16:00:00.000Z");
    expect(normalizeDelivery("github", "issues", githubIssue(["bug"]))).toMatchObject({ kind: "ignored", code: "unsupported-event" });
  });

  it("GitLab: an Issue Hook with the incident label", () => {
    const hook = {
      project: { id: 4242, path_with_namespace: "acme/shop" },
      object_attributes: { iid: 9, title: "Payments failing", url: "https://gitlab.example.com/acme/shop/-/issues/9", state: "closed", created_at: "2026-03-04 13:00:00 UTC", closed_at: "2026-03-04 16:00:00 UTC" },
      labels: [{ title: "incident" }],
    };
    expect(normalized("gitlab", "Issue Hook", hook).records.incident).toMatchObject({ externalId: "issue:9", openedAt: "2026-03-04T13:00:00.000Z", resolvedAt: "2026-03-04T16:00:00.000Z" });
    expect(normalizeDelivery("gitlab", "Issue Hook", { ...hook, labels: [] })).toMatchObject({ kind: "ignored" });
  });
});
