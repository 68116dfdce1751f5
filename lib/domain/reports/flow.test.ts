import { describe, expect, it } from "vitest";
import { agingZone, cumulativeFlow, cycleTime, resolveStages, throughput, workItemAge } from "./flow";

const board = [
  { id: "backlog", category: "TODO" as const },
  { id: "doing", category: "IN_PROGRESS" as const },
  { id: "review", category: "IN_PROGRESS" as const },
  { id: "done", category: "DONE" as const },
  { id: "released", category: "DONE" as const },
];

describe("workflow stages", () => {
  it("start at the first IN_PROGRESS column and finish in every DONE column by default", () => {
    expect(resolveStages(board, { startColumnId: null, finishColumnIds: [] })).toEqual({
      startColumnId: "doing",
      startedIds: ["doing", "review", "done", "released"],
      finishedIds: ["done", "released"],
    });
  });

  it("follow the board's setting, and fall back when it names a deleted column", () => {
    expect(resolveStages(board, { startColumnId: "review", finishColumnIds: ["released"] })).toEqual({
      startColumnId: "review",
      startedIds: ["review", "done", "released"],
      finishedIds: ["released"],
    });
    expect(resolveStages(board, { startColumnId: "gone", finishColumnIds: ["gone"] }).startColumnId).toBe("doing");
  });

  it("start at the first finished column on a board without IN_PROGRESS columns", () => {
    const simple = [board[0]!, board[3]!];
    expect(resolveStages(simple, { startColumnId: null, finishColumnIds: [] })).toEqual({ startColumnId: "done", startedIds: ["done"], finishedIds: ["done"] });
  });
});

describe("cycle time and age", () => {
  it("counts calendar days with both ends, and exact hours", () => {
    // Started Monday 09:00, finished Wednesday 17:00 UTC: 3 calendar days, 56 hours.
    expect(cycleTime(new Date("2026-03-02T09:00:00Z"), new Date("2026-03-04T17:00:00Z"), "UTC")).toEqual({ days: 3, hours: 56 });
    // Started and finished the same day: 1 day.
    expect(cycleTime(new Date("2026-03-02T09:00:00Z"), new Date("2026-03-02T09:45:00Z"), "UTC")).toEqual({ days: 1, hours: 0.8 });
  });

  it("counts the days of the project's time zone (a day boundary in between only there)", () => {
    const started = new Date("2026-03-02T22:30:00Z");
    const finished = new Date("2026-03-03T01:30:00Z");
    expect(cycleTime(started, finished, "UTC").days).toBe(2); // 2 March → 3 March
    expect(cycleTime(started, finished, "America/New_York").days).toBe(1); // 17:30 → 20:30 on 2 March
    expect(cycleTime(started, finished, "Asia/Tokyo").days).toBe(1); // 07:30 → 10:30 on 3 March
  });

  it("ages an unfinished card from its start day to today, both counted", () => {
    expect(workItemAge(new Date("2026-03-02T23:00:00Z"), "2026-03-05", "UTC")).toBe(4);
    expect(workItemAge(new Date("2026-03-02T23:00:00Z"), "2026-03-05", "Europe/Berlin")).toBe(3); // started 3 March there
  });

  it("puts an age in the zone of past cycle times' percentiles", () => {
    const cycle = { p50: 3, p70: 5, p85: 8, p95: 13 };
    expect([1, 3, 5, 8, 12, 13, 40].map((age) => agingZone(age, cycle))).toEqual(["below-p50", "p50-p70", "p70-p85", "p85-p95", "p85-p95", "above-p95", "above-p95"]);
    expect(agingZone(4, { p50: null, p70: null, p85: null, p95: null })).toBeNull();
  });
});

describe("throughput", () => {
  const finished = ["2026-03-02", "2026-03-02", "2026-03-04", "2026-03-09", "2026-03-20"];

  it("counts per day with zero days included, ignoring days outside the range", () => {
    expect(throughput(finished, "2026-03-01", "2026-03-05", "day").buckets).toEqual([
      { start: "2026-03-01", count: 0 },
      { start: "2026-03-02", count: 2 },
      { start: "2026-03-03", count: 0 },
      { start: "2026-03-04", count: 1 },
      { start: "2026-03-05", count: 0 },
    ]);
  });

  it("counts per ISO week starting Monday", () => {
    // 1 March 2026 is a Sunday: its week starts Monday 23 February.
    expect(throughput(finished, "2026-03-01", "2026-03-15", "week")).toEqual({
      interval: "week",
      buckets: [
        { start: "2026-02-23", count: 0 },
        { start: "2026-03-02", count: 3 },
        { start: "2026-03-09", count: 1 },
      ],
    });
  });
});

describe("cumulative flow", () => {
  const columns = [
    { id: "t", name: "To Do" },
    { id: "d", name: "Doing" },
    { id: "r", name: "Review" },
    { id: "x", name: "Done" },
  ];
  // A: created 1 March in To Do, started 2 March, finished 3 March skipping Review.
  // B: created and started 2 March, to Review 3 March, back to Doing 4 March.
  // C: created 5 March (after the range). Today: C in To Do, B in Doing, A in Done.
  const deltas = [
    { day: "2026-03-01", columnId: "t", delta: 1 },
    { day: "2026-03-02", columnId: "t", delta: -1 },
    { day: "2026-03-02", columnId: "d", delta: 1 },
    { day: "2026-03-02", columnId: "t", delta: 1 },
    { day: "2026-03-02", columnId: "t", delta: -1 },
    { day: "2026-03-02", columnId: "d", delta: 1 },
    { day: "2026-03-03", columnId: "d", delta: -1 },
    { day: "2026-03-03", columnId: "x", delta: 1 },
    { day: "2026-03-03", columnId: "d", delta: -1 },
    { day: "2026-03-03", columnId: "r", delta: 1 },
    { day: "2026-03-04", columnId: "r", delta: -1 },
    { day: "2026-03-04", columnId: "d", delta: 1 },
    { day: "2026-03-05", columnId: "t", delta: 1 },
    // A move out of a column deleted since: not shown.
    { day: "2026-03-03", columnId: "gone", delta: -1 },
  ];

  it("counts the cards in each column at the end of each day, in board order", () => {
    const report = cumulativeFlow({ columns, current: new Map([["t", 1], ["d", 1], ["x", 1]]), deltas, from: "2026-02-28", to: "2026-03-04" });
    expect(report.columns).toEqual(["To Do", "Doing", "Review", "Done"]);
    expect(report.days).toEqual([
      { date: "2026-02-28", counts: { "To Do": 0, Doing: 0, Review: 0, Done: 0 } },
      { date: "2026-03-01", counts: { "To Do": 1, Doing: 0, Review: 0, Done: 0 } },
      { date: "2026-03-02", counts: { "To Do": 0, Doing: 2, Review: 0, Done: 0 } },
      { date: "2026-03-03", counts: { "To Do": 0, Doing: 0, Review: 1, Done: 1 } },
      { date: "2026-03-04", counts: { "To Do": 0, Doing: 1, Review: 0, Done: 1 } },
    ]);
  });
});
