import { describe, it, expect } from "vitest";
import {
  shouldReplaceDeployment,
  shouldReplaceJob,
  shouldReplacePullRequest,
  shouldReplaceRun,
  type DeploymentState,
  type PullRequestState,
  type RunState,
} from "./precedence";

const T1 = "2024-06-06T11:00:00.000Z";
const T2 = "2024-06-06T11:05:00.000Z";
const run = (attempt: number, status: RunState["status"], updatedAt: string | null): RunState => ({
  attempt,
  status,
  updatedAt,
});

describe("shouldReplaceRun / shouldReplaceJob", () => {
  it.each([
    { why: "higher attempt supersedes a completed one", existing: run(1, "success", T2), incoming: run(2, "queued", T1), replace: true },
    { why: "lower attempt never replaces a higher one", existing: run(2, "queued", T1), incoming: run(1, "failure", T2), replace: false },
    { why: "terminal is not replaced by a later non-terminal", existing: run(1, "failure", T1), incoming: run(1, "running", T2), replace: false },
    { why: "terminal is not replaced by an unknown status", existing: run(1, "success", T1), incoming: run(1, null, T2), replace: false },
    { why: "later time wins between non-terminal states", existing: run(1, "queued", T1), incoming: run(1, "running", T2), replace: true },
    { why: "earlier time loses between non-terminal states", existing: run(1, "running", T2), incoming: run(1, "queued", T1), replace: false },
    { why: "later terminal replaces an earlier terminal (re-reported)", existing: run(1, "failure", T1), incoming: run(1, "success", T2), replace: true },
    { why: "earlier terminal loses to a later terminal", existing: run(1, "success", T2), incoming: run(1, "failure", T1), replace: false },
    { why: "terminal replaces non-terminal at the same time", existing: run(1, "running", T1), incoming: run(1, "success", T1), replace: true },
    { why: "running replaces queued at the same time", existing: run(1, "queued", T1), incoming: run(1, "running", T1), replace: true },
    { why: "progress decides when times are unknown", existing: run(1, "queued", null), incoming: run(1, "running", null), replace: true },
    { why: "no regress when times are unknown", existing: run(1, "running", null), incoming: run(1, "queued", T2), replace: false },
    { why: "an identical replay keeps the stored state", existing: run(1, "success", T1), incoming: run(1, "success", T1), replace: false },
    { why: "unparsable time counts as unknown", existing: run(1, "queued", "not a date"), incoming: run(1, "running", T1), replace: true },
  ])("$why", ({ existing, incoming, replace }) => {
    expect(shouldReplaceRun(existing, incoming)).toBe(replace);
    expect(shouldReplaceJob(existing, incoming)).toBe(replace);
  });
});

describe("shouldReplaceDeployment", () => {
  const dep = (status: DeploymentState["status"], at: string | null, updatedAt: string | null = at): DeploymentState => ({
    status,
    at,
    updatedAt,
  });

  it.each([
    { why: "later status time wins", existing: dep("running", T1), incoming: dep("success", T2), replace: true },
    { why: "terminal is not replaced by running", existing: dep("success", T1), incoming: dep("running", T2), replace: false },
    { why: "terminal is not replaced by queued", existing: dep("failure", T1), incoming: dep("queued", T2), replace: false },
    { why: "an earlier running state never replaces a later one", existing: dep("running", T2), incoming: dep("queued", T1), replace: false },
    { why: "success may later become inactive (mapped to success)", existing: dep("success", T1), incoming: dep("success", T2), replace: true },
    { why: "an earlier terminal status loses", existing: dep("cancelled", T2), incoming: dep("failure", T1), replace: false },
    { why: "falls back to updatedAt when at is unknown", existing: dep("queued", null, T1), incoming: dep("running", null, T2), replace: true },
    { why: "progress decides when no time is known", existing: dep("queued", null), incoming: dep("success", null), replace: true },
    { why: "a replay keeps the stored state", existing: dep("success", T1), incoming: dep("success", T1), replace: false },
  ])("$why", ({ existing, incoming, replace }) => {
    expect(shouldReplaceDeployment(existing, incoming)).toBe(replace);
  });
});

describe("shouldReplacePullRequest", () => {
  const pr = (state: PullRequestState["state"], updatedAt: string | null): PullRequestState => ({ state, updatedAt });

  it.each([
    { why: "merged is never replaced by a later open", existing: pr("merged", T1), incoming: pr("open", T2), replace: false },
    { why: "merged is never replaced by a later closed", existing: pr("merged", T1), incoming: pr("closed", T2), replace: false },
    { why: "merged replaces open even with an earlier time", existing: pr("open", T2), incoming: pr("merged", T1), replace: true },
    { why: "a later merged state updates the record", existing: pr("merged", T1), incoming: pr("merged", T2), replace: true },
    { why: "an earlier merged state is a replay", existing: pr("merged", T2), incoming: pr("merged", T1), replace: false },
    { why: "closed goes back to open when reopened later", existing: pr("closed", T1), incoming: pr("open", T2), replace: true },
    { why: "a late 'opened' delivery does not reopen", existing: pr("closed", T2), incoming: pr("open", T1), replace: false },
    { why: "closed without time never goes back to open", existing: pr("closed", null), incoming: pr("open", T2), replace: false },
    { why: "later close wins", existing: pr("open", T1), incoming: pr("closed", T2), replace: true },
    { why: "earlier close loses to a later open (reopened)", existing: pr("open", T2), incoming: pr("closed", T1), replace: false },
    { why: "same time: closed beats open", existing: pr("open", T1), incoming: pr("closed", T1), replace: true },
    { why: "later edit of an open request wins", existing: pr("open", T1), incoming: pr("open", T2), replace: true },
    { why: "a replay keeps the stored state", existing: pr("open", T1), incoming: pr("open", T1), replace: false },
  ])("$why", ({ existing, incoming, replace }) => {
    expect(shouldReplacePullRequest(existing, incoming)).toBe(replace);
  });
});
