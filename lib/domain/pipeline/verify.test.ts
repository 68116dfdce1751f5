import { sign as octokitSign } from "@octokit/webhooks-methods";
import { describe, it, expect } from "vitest";
import {
  dedupeKey,
  headerValue,
  signCircleci,
  signGithub,
  verifyCircleci,
  verifyDelivery,
  verifyGeneric,
  verifyGithub,
  verifyGitlab,
} from "./verify";

// Test vectors from the shared fixtures README (providers' docs, recomputed).
const GITHUB_SECRET = "It's a Secret to Everybody";
const GITHUB_BODY = "Hello, World!";
const GITHUB_SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

describe("GitHub signatures", () => {
  it("matches the documented test vector, for text and raw bytes", () => {
    expect(signGithub(GITHUB_SECRET, GITHUB_BODY)).toBe(GITHUB_SIGNATURE);
    expect(signGithub(GITHUB_SECRET, Buffer.from(GITHUB_BODY, "utf8"))).toBe(GITHUB_SIGNATURE);
  });

  it("agrees with @octokit/webhooks-methods on non-ASCII bodies", async () => {
    const body = JSON.stringify({ title: "DEMO-12: naïve café ✓" });
    expect(signGithub("s3cret", body)).toBe(await octokitSign("s3cret", body));
  });

  it("verifies X-Hub-Signature-256 in any header case", () => {
    expect(verifyGithub(GITHUB_SECRET, GITHUB_BODY, { "X-Hub-Signature-256": GITHUB_SIGNATURE })).toBe(true);
    expect(verifyGithub(GITHUB_SECRET, GITHUB_BODY, { "x-hub-signature-256": GITHUB_SIGNATURE })).toBe(true);
    expect(verifyGithub(GITHUB_SECRET, GITHUB_BODY, new Headers({ "X-Hub-Signature-256": GITHUB_SIGNATURE }))).toBe(true);
  });

  it.each([
    { why: "wrong secret", secret: "other", body: GITHUB_BODY, headers: { "X-Hub-Signature-256": GITHUB_SIGNATURE } },
    { why: "changed body", secret: GITHUB_SECRET, body: "Hello, World?", headers: { "X-Hub-Signature-256": GITHUB_SIGNATURE } },
    { why: "missing header", secret: GITHUB_SECRET, body: GITHUB_BODY, headers: {} },
    { why: "placeholder value", secret: GITHUB_SECRET, body: GITHUB_BODY, headers: { "X-Hub-Signature-256": "<computed at send time>" } },
    { why: "bare hex without sha256=", secret: GITHUB_SECRET, body: GITHUB_BODY, headers: { "X-Hub-Signature-256": GITHUB_SIGNATURE.slice(7) } },
    { why: "legacy SHA-1 header only", secret: GITHUB_SECRET, body: GITHUB_BODY, headers: { "X-Hub-Signature": "sha1=0000" } },
    { why: "empty secret", secret: "", body: GITHUB_BODY, headers: { "X-Hub-Signature-256": signGithub("", GITHUB_BODY) } },
  ])("rejects: $why", ({ secret, body, headers }) => {
    expect(verifyGithub(secret, body, headers)).toBe(false);
  });
});

describe("GitLab token", () => {
  it("accepts the configured secret token and nothing else", () => {
    expect(verifyGitlab("tok3n", "{}", { "X-Gitlab-Token": "tok3n" })).toBe(true);
    expect(verifyGitlab("tok3n", "{}", { "x-gitlab-token": "tok3n" })).toBe(true);
    expect(verifyGitlab("tok3n", "{}", { "X-Gitlab-Token": "tok3" })).toBe(false);
    expect(verifyGitlab("tok3n", "{}", { "X-Gitlab-Token": "tok3n " })).toBe(false);
    expect(verifyGitlab("tok3n", "{}", {})).toBe(false);
    expect(verifyGitlab("", "{}", { "X-Gitlab-Token": "" })).toBe(false);
  });
});

describe("CircleCI signatures", () => {
  it.each([
    ["hello world", "v1=734cc62f32841568f45715aeb9f4d7891324e6d948e4c6c60c0621cdac48623a"],
    ["foo", "v1=773ba44693c7553d6ee20f61ea5d2757a9a4f4a44d2841ae4e95b52e4cd62db4"],
  ])("matches the documented vector for %j", (body, signature) => {
    expect(signCircleci("secret", body)).toBe(signature);
    expect(verifyCircleci("secret", body, { "Circleci-Signature": signature })).toBe(true);
  });

  it("checks v1 entries of a versioned list and ignores unknown versions", () => {
    const v1 = signCircleci("secret", "foo");
    expect(verifyCircleci("secret", "foo", { "circleci-signature": `v2=abc, ${v1}` })).toBe(true);
    expect(verifyCircleci("secret", "foo", { "Circleci-Signature": `v2=${v1.slice(3)}` })).toBe(false);
    expect(verifyCircleci("secret", "bar", { "Circleci-Signature": v1 })).toBe(false);
    expect(verifyCircleci("secret", "foo", {})).toBe(false);
  });
});

describe("generic signatures and dispatch", () => {
  const body = '{"pipeline":{"id":1,"name":"ci"},"status":"success"}';

  it("uses GitHub's scheme in X-Shipboard-Signature-256 or X-Hub-Signature-256", () => {
    const signature = signGithub("k", body);
    expect(verifyGeneric("k", body, { "X-Shipboard-Signature-256": signature })).toBe(true);
    expect(verifyGeneric("k", body, { "X-Hub-Signature-256": signature })).toBe(true);
    expect(verifyGeneric("k", body, { "X-Shipboard-Signature-256": "sha256=00", "X-Hub-Signature-256": signature })).toBe(false);
  });

  it("verifyDelivery dispatches per provider", () => {
    expect(verifyDelivery("github", "k", body, { "X-Hub-Signature-256": signGithub("k", body) })).toBe(true);
    expect(verifyDelivery("gitlab", "k", body, { "X-Gitlab-Token": "k" })).toBe(true);
    expect(verifyDelivery("circleci", "k", body, { "Circleci-Signature": signCircleci("k", body) })).toBe(true);
    expect(verifyDelivery("generic", "k", body, {})).toBe(false);
  });
});

describe("dedupeKey", () => {
  it("uses X-GitHub-Delivery for GitHub", () => {
    expect(dedupeKey("github", { "X-GitHub-Delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958" }, {})).toBe(
      "72d3162e-cc78-11e3-81ab-4c9367dc0958",
    );
    expect(dedupeKey("github", {}, {})).toBeNull();
  });

  it("uses Idempotency-Key for GitLab, never X-Gitlab-Webhook-UUID", () => {
    const headers = { "Idempotency-Key": "aad7ea24", "X-Gitlab-Webhook-UUID": "f0b6bfb4" };
    expect(dedupeKey("gitlab", headers, {})).toBe("aad7ea24");
    expect(dedupeKey("gitlab", { "X-Gitlab-Webhook-UUID": "f0b6bfb4" }, {})).toBeNull();
  });

  it("uses the body id for CircleCI", () => {
    expect(dedupeKey("circleci", {}, { id: "630a6132-5bf1-3600-b26d-a020d41358f9" })).toBe(
      "630a6132-5bf1-3600-b26d-a020d41358f9",
    );
    expect(dedupeKey("circleci", {}, { id: "" })).toBeNull();
    expect(dedupeKey("circleci", {}, null)).toBeNull();
    expect(dedupeKey("circleci", {}, "text")).toBeNull();
  });

  it("uses X-Shipboard-Delivery for generic deliveries", () => {
    expect(dedupeKey("generic", new Headers({ "X-Shipboard-Delivery": " run-42 " }), {})).toBe("run-42");
    expect(dedupeKey("generic", { "X-Shipboard-Delivery": "" }, {})).toBeNull();
  });

  it("reads the first of repeated header values", () => {
    expect(headerValue({ "x-github-delivery": ["a", "b"] }, "X-GitHub-Delivery")).toBe("a");
    expect(headerValue({ other: "x" }, "X-GitHub-Delivery")).toBeNull();
  });
});
