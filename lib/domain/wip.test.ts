import { describe, it, expect } from "vitest";
import { checkWip, countsTowardWip, wipScope, wipState, type WipMode } from "./wip";

const column = (wipLimit: number | null) => ({ id: "col-1", name: "In Progress", wipLimit });

describe("checkWip", () => {
  it.each<{ name: string; limit: number | null; count: number; mode: WipMode; inColumn: boolean; breach: boolean }>([
    { name: "no limit, HARD", limit: null, count: 50, mode: "HARD", inColumn: false, breach: false },
    { name: "no limit, SOFT", limit: null, count: 50, mode: "SOFT", inColumn: false, breach: false },
    { name: "below the limit", limit: 3, count: 2, mode: "HARD", inColumn: false, breach: false },
    { name: "reaching the limit exactly", limit: 3, count: 3, mode: "HARD", inColumn: false, breach: false },
    { name: "over the limit, SOFT", limit: 3, count: 4, mode: "SOFT", inColumn: false, breach: true },
    { name: "zero limit, SOFT", limit: 0, count: 1, mode: "SOFT", inColumn: false, breach: true },
    { name: "reorder in a full column, HARD", limit: 3, count: 3, mode: "HARD", inColumn: true, breach: false },
    { name: "reorder in an over-full column, HARD", limit: 3, count: 5, mode: "HARD", inColumn: true, breach: false },
    { name: "reorder in an over-full column, SOFT", limit: 3, count: 5, mode: "SOFT", inColumn: true, breach: false },
  ])("allows $name (breach: $breach)", ({ limit, count, mode, inColumn, breach }) => {
    const result = checkWip({ column: column(limit), countAfterMove: count, mode, cardAlreadyInColumn: inColumn });
    expect(result).toEqual({ allowed: true, breach });
  });

  it.each([
    { name: "one card over the limit", limit: 3, count: 4 },
    { name: "a multi-card move over the limit", limit: 3, count: 6 },
    { name: "entering a zero-limit column", limit: 0, count: 1 },
  ])("refuses $name in HARD mode, with the numbers", ({ limit, count }) => {
    const result = checkWip({ column: column(limit), countAfterMove: count, mode: "HARD", cardAlreadyInColumn: false });
    expect(result).toEqual({
      allowed: false,
      reason: `"In Progress" has a WIP limit of ${limit}; this move would make it ${count}.`,
      details: { columnId: "col-1", column: "In Progress", limit, count },
    });
  });

  it.each<WipMode>(["HARD", "SOFT"])("lets a card outside the limit's scope into a full column (%s), without a breach", (mode) => {
    const result = checkWip({ column: column(3), countAfterMove: 9, mode, cardAlreadyInColumn: false, countsTowardLimit: false });
    expect(result).toEqual({ allowed: true, breach: false });
  });

  it("never throws on odd input", () => {
    const odd = { column: column(Number.NaN), countAfterMove: -1, mode: "HARD" as const, cardAlreadyInColumn: false };
    expect(() => checkWip(odd)).not.toThrow();
  });
});

describe("wipState", () => {
  it.each([
    { count: 0, limit: null, expected: "under" },
    { count: 99, limit: null, expected: "under" },
    { count: 2, limit: 3, expected: "under" },
    { count: 3, limit: 3, expected: "at" },
    { count: 4, limit: 3, expected: "over" },
    { count: 0, limit: 0, expected: "at" },
    { count: 1, limit: 0, expected: "over" },
  ])("is $expected for $count cards with limit $limit", ({ count, limit, expected }) => {
    expect(wipState(count, limit)).toBe(expected);
  });
});

describe("wipScope and countsTowardWip", () => {
  it.each([
    { name: "a Kanban board counts every card", mode: "KANBAN" as const, active: "s1", sprintId: null, counts: true },
    { name: "a Kanban board counts a sprint's card too", mode: "KANBAN" as const, active: null, sprintId: "s0", counts: true },
    { name: "a Scrum board counts the active sprint's card", mode: "SCRUM" as const, active: "s1", sprintId: "s1", counts: true },
    { name: "a Scrum board skips a backlog card", mode: "SCRUM" as const, active: "s1", sprintId: null, counts: false },
    { name: "a Scrum board skips a planned sprint's card", mode: "SCRUM" as const, active: "s1", sprintId: "s2", counts: false },
    { name: "a Scrum board without an active sprint counts nothing", mode: "SCRUM" as const, active: null, sprintId: null, counts: false },
  ])("$name", ({ mode, active, sprintId, counts }) => {
    expect(countsTowardWip(wipScope(mode, active), { sprintId, type: "STORY" })).toBe(counts);
  });

  it.each(["KANBAN", "SCRUM"] as const)("never counts an epic (%s)", (mode) => {
    expect(countsTowardWip(wipScope(mode, "s1"), { sprintId: "s1", type: "EPIC" })).toBe(false);
  });
});
