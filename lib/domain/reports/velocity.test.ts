import { describe, expect, it } from "vitest";
import { velocity } from "./velocity";

const sprint = (n: number, committed: number, completed: number) => ({ id: `s${n}`, name: `Sprint ${n}`, committed, completed, completedAt: `2026-0${n}-14T16:00:00.000Z` });

describe("velocity", () => {
  it("keeps the last N closed sprints, oldest first, with the average and range of completed points", () => {
    const report = velocity([sprint(4, 20, 18), sprint(1, 30, 10), sprint(3, 20, 25), sprint(2, 25, 20)], 3);
    expect(report.sprints.map((s) => s.id)).toEqual(["s2", "s3", "s4"]);
    // (20 + 25 + 18) / 3 = 21
    expect(report.average).toBe(21);
    expect(report.range).toEqual({ min: 18, max: 25 });
  });

  it("has no average without sprints", () => {
    expect(velocity([], 5)).toEqual({ sprints: [], average: null, range: null });
  });
});
