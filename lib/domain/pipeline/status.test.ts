import { describe, it, expect } from "vitest";
import {
  circleciStatus,
  githubCheckStatus,
  githubCommitStatus,
  githubDeploymentStatus,
  gitlabStatus,
} from "./status";

describe("githubCheckStatus", () => {
  it.each([
    ["queued", null, "queued"],
    ["requested", null, "queued"],
    ["waiting", null, "queued"],
    ["pending", null, "queued"],
    ["in_progress", null, "running"],
    ["completed", "success", "success"],
    ["completed", "failure", "failure"],
    ["completed", "timed_out", "failure"],
    ["completed", "startup_failure", "failure"],
    ["completed", "cancelled", "cancelled"],
    ["completed", "skipped", "skipped"],
    ["completed", "neutral", "success"],
    ["completed", "action_required", "queued"],
    ["completed", "stale", "cancelled"],
    ["completed", null, null],
    ["completed", "something_new", null],
    ["brand_new_status", null, null],
  ] as const)("status %s + conclusion %s -> %s", (status, conclusion, expected) => {
    expect(githubCheckStatus(status, conclusion)).toBe(expected);
  });

  it("falls back to the webhook action when the status field is missing", () => {
    expect(githubCheckStatus(undefined, undefined, "requested")).toBe("queued");
    expect(githubCheckStatus(null, "success", "completed")).toBe("success");
  });

  it("does not read inherited object keys as statuses", () => {
    expect(githubCheckStatus("toString", null)).toBeNull();
    expect(gitlabStatus("constructor")).toBeNull();
  });
});

describe("githubCommitStatus", () => {
  it.each([
    ["pending", "running"],
    ["success", "success"],
    ["failure", "failure"],
    ["error", "failure"],
    ["unknown", null],
  ] as const)("%s -> %s", (state, expected) => {
    expect(githubCommitStatus(state)).toBe(expected);
  });
});

describe("githubDeploymentStatus", () => {
  it.each([
    ["queued", "queued"],
    ["pending", "queued"],
    ["waiting", "queued"],
    ["in_progress", "running"],
    ["success", "success"],
    ["inactive", "success"],
    ["failure", "failure"],
    ["error", "failure"],
    [undefined, null],
  ] as const)("%s -> %s", (state, expected) => {
    expect(githubDeploymentStatus(state)).toBe(expected);
  });
});

describe("gitlabStatus", () => {
  it.each([
    ["created", "queued"],
    ["waiting_for_resource", "queued"],
    ["preparing", "queued"],
    ["pending", "queued"],
    ["scheduled", "queued"],
    ["manual", "queued"],
    ["blocked", "queued"],
    ["running", "running"],
    ["success", "success"],
    ["failed", "failure"],
    ["canceled", "cancelled"],
    ["canceling", "cancelled"],
    ["skipped", "skipped"],
    ["Success", null],
    [null, null],
  ] as const)("%s -> %s", (status, expected) => {
    expect(gitlabStatus(status)).toBe(expected);
  });
});

describe("circleciStatus", () => {
  it.each([
    ["success", "success"],
    ["failed", "failure"],
    ["error", "failure"],
    ["failing", "failure"],
    ["unauthorized", "failure"],
    ["infrastructure_fail", "failure"],
    ["timedout", "failure"],
    ["canceled", "cancelled"],
    ["not_run", "skipped"],
    ["on_hold", "queued"],
    ["queued", "queued"],
    ["running", "running"],
    ["", null],
  ] as const)("%s -> %s", (status, expected) => {
    expect(circleciStatus(status)).toBe(expected);
  });
});
