import { describe, it, expect } from "vitest";
import {
  evaluateAutoItem,
  isSatisfied,
  unmetItems,
  type ChecklistItem,
  type DeploymentFact,
  type DodFacts,
  type PullRequestFact,
  type RunFact,
} from "./dod";

const minute = (n: number) => new Date(Date.UTC(2025, 0, 1, 12, n));

const pr = (over: Partial<PullRequestFact> = {}): PullRequestFact => ({
  number: 7,
  url: "https://git.example/pr/7",
  state: "open",
  merged: false,
  headSha: "aaaaaaa111",
  headRef: "feature/demo-12",
  ...over,
});

const run = (over: Partial<RunFact> = {}): RunFact => ({
  id: "r1",
  name: "ci",
  sha: "aaaaaaa111",
  branch: "feature/demo-12",
  status: "succeeded",
  attempt: 1,
  startedAt: minute(0),
  url: "https://ci.example/r1",
  ...over,
});

const deployment = (over: Partial<DeploymentFact> = {}): DeploymentFact => ({
  environment: "production",
  status: "succeeded",
  at: minute(30),
  ...over,
});

const facts = (over: Partial<DodFacts> = {}): DodFacts => ({ pullRequests: [], runs: [], deployments: [], ...over });

const auto = (over: Partial<ChecklistItem>): ChecklistItem => ({ id: "i1", text: "auto", kind: "auto", done: false, ...over });

describe("unmetItems and isSatisfied", () => {
  const item = (id: string, done: boolean, kind: "manual" | "auto" = "manual"): ChecklistItem => ({ id, text: id, kind, done });

  it.each([
    { name: "an empty checklist", items: [], unmet: [], satisfied: true },
    { name: "all done", items: [item("a", true), item("b", true, "auto")], unmet: [], satisfied: true },
    { name: "a manual item open", items: [item("a", false), item("b", true)], unmet: ["a"], satisfied: false },
    { name: "an auto item open", items: [item("a", true), item("b", false, "auto")], unmet: ["b"], satisfied: false },
    { name: "several open, in order", items: [item("c", false), item("a", true), item("b", false)], unmet: ["c", "b"], satisfied: false },
  ])("$name", ({ items, unmet, satisfied }) => {
    expect(unmetItems(items).map((i) => i.id)).toEqual(unmet);
    expect(isSatisfied(items)).toBe(satisfied);
  });
});

describe("evaluateAutoItem: manual and misconfigured items", () => {
  it.each([
    { name: "manual done stays done", item: { ...auto({}), kind: "manual" as const, done: true }, done: true },
    { name: "manual open stays open despite green facts", item: { ...auto({ signal: "pr_merged" }), kind: "manual" as const }, done: false },
    { name: "auto without a signal", item: auto({ signal: null }), done: false },
    { name: "stage_succeeded without a stage", item: auto({ signal: "stage_succeeded" }), done: false },
    { name: "deployed without an environment", item: auto({ signal: "deployed" }), done: false },
  ])("$name", ({ item, done }) => {
    const green = facts({ pullRequests: [pr({ merged: true, state: "closed" })], runs: [run({ stageStatuses: { test: "succeeded" } })], deployments: [deployment()] });
    expect(evaluateAutoItem(item, green).done).toBe(done);
  });
});

describe("evaluateAutoItem: checks_green", () => {
  const item = auto({ signal: "checks_green" });

  it.each([
    { name: "no linked PR", f: facts({ runs: [run()] }), done: false },
    { name: "only an abandoned PR", f: facts({ pullRequests: [pr({ state: "closed" })], runs: [run()] }), done: false },
    { name: "an open PR without runs", f: facts({ pullRequests: [pr()] }), done: false },
    { name: "green runs on an old head only", f: facts({ pullRequests: [pr({ headSha: "bbbbbbb222" })], runs: [run()] }), done: false },
    { name: "one succeeded run", f: facts({ pullRequests: [pr()], runs: [run()] }), done: true },
    { name: "a merged PR with green runs", f: facts({ pullRequests: [pr({ state: "closed", merged: true })], runs: [run()] }), done: true },
    {
      name: "one of two workflows failed",
      f: facts({ pullRequests: [pr()], runs: [run(), run({ id: "r2", name: "lint", status: "failed" })] }),
      done: false,
    },
    {
      name: "a skipped workflow next to a green one",
      f: facts({ pullRequests: [pr()], runs: [run(), run({ id: "r2", name: "docs", status: "skipped" })] }),
      done: true,
    },
    {
      name: "attempt 1 failed, attempt 2 succeeded",
      f: facts({ pullRequests: [pr()], runs: [run({ status: "failed" }), run({ attempt: 2, startedAt: minute(5) })] }),
      done: true,
    },
    {
      name: "un-tick: a later run of the same workflow failed",
      f: facts({ pullRequests: [pr()], runs: [run(), run({ id: "r2", startedAt: minute(10), status: "failed" })] }),
      done: false,
    },
    {
      name: "un-tick: a later run is still running",
      f: facts({ pullRequests: [pr()], runs: [run(), run({ id: "r2", startedAt: minute(10), status: "running" })] }),
      done: false,
    },
    {
      name: "green again: a later run succeeded after a failure",
      f: facts({ pullRequests: [pr()], runs: [run({ status: "failed" }), run({ id: "r2", startedAt: minute(10) })] }),
      done: true,
    },
    {
      name: "an abandoned PR's failures are ignored",
      f: facts({
        pullRequests: [pr(), pr({ number: 8, state: "closed", headSha: "ccccccc333" })],
        runs: [run(), run({ id: "r3", sha: "ccccccc333", status: "failed" })],
      }),
      done: true,
    },
    {
      name: "two open PRs, one red",
      f: facts({
        pullRequests: [pr(), pr({ number: 8, headSha: "ddddddd444" })],
        runs: [run(), run({ id: "r4", sha: "ddddddd444", status: "failed" })],
      }),
      done: false,
    },
  ])("$name → $done", ({ f, done }) => {
    expect(evaluateAutoItem(item, f).done).toBe(done);
  });

  it("names the failing run as the source", () => {
    const f = facts({ pullRequests: [pr()], runs: [run(), run({ id: "r2", startedAt: minute(10), status: "failed", url: "https://ci.example/r2" })] });
    expect(evaluateAutoItem(item, f)).toEqual({
      done: false,
      source: { kind: "run", url: "https://ci.example/r2", label: "ci failed on aaaaaaa" },
    });
  });

  it("names the newest green run as the source", () => {
    const f = facts({ pullRequests: [pr()], runs: [run(), run({ id: "r2", name: "lint", startedAt: minute(3), url: "https://ci.example/r2" })] });
    expect(evaluateAutoItem(item, f)).toEqual({
      done: true,
      source: { kind: "run", url: "https://ci.example/r2", label: "2 checks passed on PR #7" },
    });
  });
});

describe("evaluateAutoItem: pr_merged", () => {
  const item = auto({ signal: "pr_merged" });

  it.each([
    { name: "no PR", f: facts(), done: false },
    { name: "an open PR", f: facts({ pullRequests: [pr()] }), done: false },
    { name: "an abandoned PR", f: facts({ pullRequests: [pr({ state: "closed" })] }), done: false },
    { name: "one of two PRs merged", f: facts({ pullRequests: [pr(), pr({ number: 9, state: "closed", merged: true })] }), done: true },
  ])("$name → $done", ({ f, done }) => {
    expect(evaluateAutoItem(item, f).done).toBe(done);
  });

  it("points at the merged PR", () => {
    const f = facts({ pullRequests: [pr({ state: "closed", merged: true })] });
    expect(evaluateAutoItem(item, f).source).toEqual({ kind: "pullRequest", url: "https://git.example/pr/7", label: "PR #7 merged" });
  });
});

describe("evaluateAutoItem: deployed (sticky)", () => {
  it.each([
    { name: "succeeded to the environment", prev: false, deployments: [deployment()], done: true },
    { name: "succeeded to another environment only", prev: false, deployments: [deployment({ environment: "staging" })], done: false },
    { name: "environment names match exactly", prev: false, deployments: [deployment({ environment: "Production" })], done: false },
    { name: "only a failed deployment", prev: false, deployments: [deployment({ status: "failed" })], done: false },
    { name: "still running", prev: false, deployments: [deployment({ status: "running" })], done: false },
    { name: "sticky: a later deployment failed", prev: true, deployments: [deployment(), deployment({ status: "failed", at: minute(50) })], done: true },
    { name: "sticky: the deployment fact is gone", prev: true, deployments: [], done: true },
    { name: "sticky: only a failure is known now", prev: true, deployments: [deployment({ status: "failed" })], done: true },
  ])("$name → $done", ({ prev, deployments, done }) => {
    const item = auto({ signal: "deployed", environment: "production", done: prev });
    expect(evaluateAutoItem(item, facts({ deployments })).done).toBe(done);
  });

  it("points at the first successful deployment", () => {
    const item = auto({ signal: "deployed", environment: "production" });
    const f = facts({ deployments: [deployment({ at: minute(40), url: "https://cd/2" }), deployment({ at: minute(20), url: "https://cd/1" })] });
    expect(evaluateAutoItem(item, f).source).toEqual({ kind: "deployment", url: "https://cd/1", label: "Deployed to production" });
  });
});

describe("evaluateAutoItem: stage_succeeded", () => {
  const item = auto({ signal: "stage_succeeded", stage: "e2e" });
  const linked = [pr()];

  it.each([
    { name: "no runs", f: facts({ pullRequests: linked }), done: false },
    { name: "latest run on the PR branch passed the stage", f: facts({ pullRequests: linked, runs: [run({ stageStatuses: { build: "succeeded", e2e: "succeeded" } })] }), done: true },
    { name: "the stage failed", f: facts({ pullRequests: linked, runs: [run({ stageStatuses: { e2e: "failed" } })] }), done: false },
    {
      name: "un-tick: the latest run failed the stage",
      f: facts({
        pullRequests: linked,
        runs: [run({ stageStatuses: { e2e: "succeeded" } }), run({ id: "r2", startedAt: minute(9), stageStatuses: { e2e: "failed" } })],
      }),
      done: false,
    },
    {
      name: "un-tick: the latest run has the stage pending",
      f: facts({
        pullRequests: linked,
        runs: [run({ stageStatuses: { e2e: "succeeded" } }), run({ id: "r2", startedAt: minute(9), status: "running", stageStatuses: { e2e: "pending" } })],
      }),
      done: false,
    },
    {
      name: "a later run of another workflow without the stage is ignored",
      f: facts({
        pullRequests: linked,
        runs: [run({ stageStatuses: { e2e: "succeeded" } }), run({ id: "r2", name: "lint", startedAt: minute(9), status: "failed", stageStatuses: { lint: "failed" } })],
      }),
      done: true,
    },
    { name: "a run on an unlinked branch is ignored", f: facts({ pullRequests: linked, runs: [run({ branch: "main", stageStatuses: { e2e: "succeeded" } })] }), done: false },
    { name: "a branch linked without a PR", f: facts({ branches: ["hotfix/x"], runs: [run({ branch: "hotfix/x", stageStatuses: { e2e: "succeeded" } })] }), done: true },
  ])("$name → $done", ({ f, done }) => {
    expect(evaluateAutoItem(item, f).done).toBe(done);
  });

  it("points at the deciding run", () => {
    const f = facts({ pullRequests: linked, runs: [run({ stageStatuses: { e2e: "failed" } })] });
    expect(evaluateAutoItem(item, f).source).toEqual({ kind: "run", url: "https://ci.example/r1", label: "Stage e2e failed on feature/demo-12" });
  });
});
