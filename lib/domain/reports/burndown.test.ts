import { describe, expect, it } from "vitest";
import { burndown, type BurndownCompletion, type BurndownScopeChange } from "./burndown";

const at = (day: string) => new Date(`2026-03-${day}T10:00:00.000Z`);
const change = (kind: BurndownScopeChange["kind"], key: string, points: number | null, day: string, previousPoints: number | null = null): BurndownScopeChange => ({ kind, cardId: key, key, points, previousPoints, at: at(day) });
const completion = (kind: BurndownCompletion["kind"], key: string, day: string): BurndownCompletion => ({ kind, cardId: key, key, at: at(day) });

describe("sprint burndown", () => {
  // Committed A 3, B 5, C 2 and E 1 (E already done before the start): 11 committed, 10 remaining.
  const report = burndown({
    sprintId: "s1",
    name: "Sprint 1",
    start: new Date("2026-03-02T09:00:00.000Z"),
    end: new Date("2026-03-13T17:00:00.000Z"),
    closedAt: new Date("2026-03-13T16:00:00.000Z"),
    committed: [
      { cardId: "A", key: "A", points: 3 },
      { cardId: "B", key: "B", points: 5 },
      { cardId: "C", key: "C", points: 2 },
      { cardId: "E", key: "E", points: 1 },
    ],
    changes: [
      change("ADDED", "D", 8, "03"),
      change("ESTIMATE_CHANGED", "B", 3, "04", 5),
      change("REMOVED", "C", 2, "08"),
      change("ESTIMATE_CHANGED", "Z", 5, "09", 1), // a card not in the sprint: no step
    ],
    completions: [
      completion("COMPLETED", "E", "01"),
      completion("COMPLETED", "A", "05"),
      completion("REOPENED", "A", "06"),
      completion("COMPLETED", "A", "07"),
      completion("COMPLETED", "C", "09"), // after its removal: no step
      completion("COMPLETED", "D", "10"),
      completion("COMPLETED", "B", "14"), // after the close: not part of the sprint, B rolls over
    ],
  });

  it("starts at the commitment and keeps every later change as its own marked step", () => {
    expect(report.committed).toBe(11);
    expect(report.series.map(({ at, change, cardKey, remaining, scope, completed }) => ({ at: at.slice(5, 10), change, cardKey, remaining, scope, completed }))).toEqual([
      { at: "03-02", change: "start", cardKey: undefined, remaining: 10, scope: 11, completed: 1 },
      { at: "03-03", change: "added", cardKey: "D", remaining: 18, scope: 19, completed: 1 },
      { at: "03-04", change: "estimate", cardKey: "B", remaining: 16, scope: 17, completed: 1 },
      { at: "03-05", change: "done", cardKey: "A", remaining: 13, scope: 17, completed: 4 },
      { at: "03-06", change: "reopened", cardKey: "A", remaining: 16, scope: 17, completed: 1 },
      { at: "03-07", change: "done", cardKey: "A", remaining: 13, scope: 17, completed: 4 },
      { at: "03-08", change: "removed", cardKey: "C", remaining: 11, scope: 15, completed: 4 },
      { at: "03-10", change: "done", cardKey: "D", remaining: 3, scope: 15, completed: 12 },
    ]);
    // The 3 points left are B's, which rolls over.
  });

  it("draws the guideline from the commitment to zero at the planned end, and a burnup on the same steps", () => {
    expect(report.guideline).toEqual([
      { at: "2026-03-02T09:00:00.000Z", remaining: 11 },
      { at: "2026-03-13T17:00:00.000Z", remaining: 0 },
    ]);
    expect(report.burnup.at(-1)).toEqual({ at: "2026-03-10T10:00:00.000Z", completed: 12, scope: 15 });
    expect(report.burnup).toHaveLength(report.series.length);
  });

  it("counts a rolled-over card in the next sprint's commitment, done or not", () => {
    const next = burndown({
      sprintId: "s2",
      name: "Sprint 2",
      start: new Date("2026-03-16T09:00:00.000Z"),
      end: new Date("2026-03-27T17:00:00.000Z"),
      closedAt: null,
      committed: [{ cardId: "B", key: "B", points: 3 }, { cardId: "F", key: "F", points: null }],
      changes: [change("ADDED", "G", null, "17")],
      completions: [completion("COMPLETED", "B", "18")],
    });
    expect(next.series.map(({ change, remaining, scope }) => ({ change, remaining, scope }))).toEqual([
      { change: "start", remaining: 3, scope: 3 },
      { change: "added", remaining: 3, scope: 3 }, // an unestimated card counts 0
      { change: "done", remaining: 0, scope: 3 },
    ]);
    expect(next.completedAt).toBeNull();
  });
});
