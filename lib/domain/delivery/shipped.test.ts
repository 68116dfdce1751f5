import { describe, expect, it } from "vitest";
import { carriedCommits, inTimeOrder } from "./shipped";
import { deployment as deploy, t } from "./testing";
import type { Deployment, Push } from "./types";

const pushes: Push[] = [
  { ref: "refs/heads/main", shas: ["c1", "c2"], at: t("02 09:00") },
  { ref: "refs/heads/main", shas: ["c3"], at: t("03 09:00") },
  { ref: "refs/heads/main", shas: ["c4", "c5"], at: t("04 09:00") },
  { ref: "refs/heads/feature", shas: ["f1"], at: t("04 10:00") },
];

const carried = (deployments: Deployment[]) => Object.fromEntries(carriedCommits(inTimeOrder(deployments), pushes));

describe("commits a deployment shipped", () => {
  it("are the pushes to the deployed branch up to the deployed sha, less what the environment already got", () => {
    // Two production deployments over overlapping history: the second ships only c3 and c4.
    // Staging deploys c4 once and gets all of c1…c4; c5, pushed after c4, is in no deployment.
    const result = carried([deploy("d1", "production", "c2", "success", "02 12:00"), deploy("d2", "production", "c4", "success", "04 12:00"), deploy("s1", "staging", "c4", "success", "04 11:00")]);
    expect(result).toEqual({ d1: ["c1", "c2"], s1: ["c1", "c2", "c3", "c4"], d2: ["c3", "c4"] });
  });

  it("are carried again by the next attempt when a deployment failed", () => {
    const result = carried([deploy("d1", "production", "c2", "failure", "02 12:00"), deploy("d2", "production", "c3", "success", "03 12:00")]);
    expect(result).toEqual({ d1: ["c1", "c2"], d2: ["c1", "c2", "c3"] });
  });

  it("are none for a redeploy of the live sha or a rollback to an older one", () => {
    const result = carried([
      deploy("d1", "production", "c2", "success", "02 12:00"),
      deploy("d2", "production", "c2", "success", "02 13:00"),
      deploy("d3", "production", "c3", "success", "03 12:00"),
      deploy("d4", "production", "c2", "success", "03 13:00"),
    ]);
    expect(result).toEqual({ d1: ["c1", "c2"], d2: [], d3: ["c3"], d4: [] });
  });

  it("fall back to the deployed sha when its push was not seen, and are none without a sha", () => {
    const result = carried([
      deploy("d1", "production", "x9", "success", "02 12:00"),
      deploy("d2", "production", "x9", "success", "02 13:00"),
      deploy("d3", "production", "c2", "success", "02 14:00", null), // no branch: only its own commit
      deploy("d4", "production", null, "success", "02 15:00"),
    ]);
    expect(result).toEqual({ d1: ["x9"], d2: [], d3: ["c2"], d4: [] });
  });

  it("follow the deployment's branch, whichever form the ref takes", () => {
    expect(carried([deploy("d1", "production", "f1", "success", "04 12:00", "refs/heads/feature")])).toEqual({ d1: ["f1"] });
  });

  it("are read in time order: finish, else start, then id; deployments without either are left out", () => {
    const running: Deployment = { ...deploy("d0", "production", "c1", "running", "02 10:00"), finishedAt: null, startedAt: t("02 11:00") };
    const unknown: Deployment = { ...deploy("dx", "production", "c1", null, "02 10:00"), finishedAt: null };
    const ordered = inTimeOrder([deploy("b", "production", "c2", "success", "02 12:00"), running, unknown, deploy("a", "production", "c2", "success", "02 12:00")]);
    expect(ordered.map((deployment) => deployment.id)).toEqual(["d0", "a", "b"]);
  });
});
