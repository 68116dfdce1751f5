import { describe, expect, it } from "vitest";
import { latestJobs, latestPerKey, statusFromJobs } from "./summary";
import type { PipelineStatus } from "./types";

describe("latestJobs", () => {
  it("keeps the highest attempt per name, then the later time", () => {
    const jobs = [
      { name: "build", attempt: 1, at: 30, id: "a" },
      { name: "test", attempt: 1, at: 10, id: "b" },
      { name: "build", attempt: 2, at: 5, id: "c" },
      { name: "test", attempt: 1, at: 20, id: "d" },
      { name: "lint", attempt: 1, at: null, id: "e" },
      { name: "lint", attempt: 1, at: null, id: "f" },
    ];
    expect(latestJobs(jobs).map((job) => job.id)).toEqual(["c", "d", "e"]);
  });

  it("returns nothing for no jobs", () => {
    expect(latestJobs([])).toEqual([]);
  });
});

describe("statusFromJobs", () => {
  it.each<[Array<PipelineStatus | null>, PipelineStatus | null]>([
    [[], null],
    [[null, null], null],
    [["success"], "success"],
    [["success", "failure", "running"], "failure"],
    [["success", "running"], "running"],
    [["queued", "queued"], "queued"],
    [["success", "queued"], "running"],
    [["success", "cancelled"], "cancelled"],
    [["skipped", "skipped"], "skipped"],
    [["success", "skipped", null], "success"],
  ])("%j -> %s", (statuses, expected) => {
    expect(statusFromJobs(statuses)).toBe(expected);
  });
});

describe("latestPerKey", () => {
  it("keeps the latest item per key", () => {
    const deployments = [
      { environment: "staging", at: 1, id: 1 },
      { environment: "production", at: 5, id: 2 },
      { environment: "staging", at: 3, id: 3 },
      { environment: "production", at: 4, id: 4 },
    ];
    const latest = latestPerKey(deployments, (d) => d.environment, (d) => d.at);
    expect(latest.map((d) => d.id)).toEqual([3, 2]);
  });
});
