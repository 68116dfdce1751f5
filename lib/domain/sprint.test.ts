import { describe, it, expect } from "vitest";
import {
  assertCanStart,
  canTransition,
  capacityState,
  daysUntil,
  summarizeSprint,
  type ScopeChange,
  type SprintCard,
  type SprintState,
} from "./sprint";

describe("canTransition", () => {
  const states: SprintState[] = ["PLANNED", "ACTIVE", "CLOSED"];
  const allowed = new Set(["PLANNED->ACTIVE", "ACTIVE->CLOSED"]);
  const cases = states.flatMap((from) => states.map((to) => ({ from, to, expected: allowed.has(`${from}->${to}`) })));

  it.each(cases)("$from -> $to is $expected", ({ from, to, expected }) => {
    expect(canTransition(from, to)).toBe(expected);
  });
});

describe("assertCanStart", () => {
  const day = (d: number) => new Date(Date.UTC(2025, 0, d));

  it.each([
    { name: "a planned sprint without dates", state: "PLANNED" as const, other: false, start: null, end: null },
    { name: "a planned sprint with valid dates", state: "PLANNED" as const, other: false, start: day(1), end: day(15) },
    { name: "a planned sprint with only an end date", state: "PLANNED" as const, other: false, start: null, end: day(15) },
  ])("allows $name", ({ state, other, start, end }) => {
    const result = assertCanStart({ sprint: { state, startDate: start, endDate: end }, otherActiveSprintExists: other });
    expect(result).toEqual({ ok: true });
  });

  it.each([
    { name: "an active sprint", state: "ACTIVE" as const, other: false, start: null, end: null, code: "NOT_PLANNED" },
    { name: "a closed sprint", state: "CLOSED" as const, other: false, start: null, end: null, code: "NOT_PLANNED" },
    { name: "a closed sprint while another runs", state: "CLOSED" as const, other: true, start: null, end: null, code: "NOT_PLANNED" },
    { name: "while another sprint is active", state: "PLANNED" as const, other: true, start: null, end: null, code: "ANOTHER_SPRINT_ACTIVE" },
    { name: "an end before the start", state: "PLANNED" as const, other: false, start: day(15), end: day(1), code: "INVALID_DATES" },
    { name: "an end equal to the start", state: "PLANNED" as const, other: false, start: day(1), end: day(1), code: "INVALID_DATES" },
  ])("refuses $name with $code", ({ state, other, start, end, code }) => {
    const result = assertCanStart({ sprint: { state, startDate: start, endDate: end }, otherActiveSprintExists: other });
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok === false && result.reason.length > 0).toBe(true);
  });
});

describe("summarizeSprint", () => {
  const at = new Date(Date.UTC(2025, 0, 5));
  const card = (id: string, estimate: number | null, done: boolean): SprintCard => ({ id, key: `DEMO-${id}`, estimate, done });
  const change = (kind: ScopeChange["kind"], cardId: string, points: number | null, previousPoints: number | null = null): ScopeChange => ({
    kind,
    cardId,
    points,
    previousPoints,
    at,
  });

  it.each([
    {
      name: "an empty sprint",
      cards: [],
      committed: { cardIds: [], points: 0 },
      changes: [],
      expected: { committedPoints: 0, committedCards: 0, addedPoints: 0, removedPoints: 0, estimateDelta: 0, completedPoints: 0, completedCards: 0 },
      incomplete: [],
    },
    {
      name: "everything committed and done",
      cards: [card("1", 3, true), card("2", 5, true)],
      committed: { cardIds: ["1", "2"], points: 8 },
      changes: [],
      expected: { committedPoints: 8, committedCards: 2, addedPoints: 0, removedPoints: 0, estimateDelta: 0, completedPoints: 8, completedCards: 2 },
      incomplete: [],
    },
    {
      name: "scope churn and a re-estimate",
      // Committed 1 (3), 2 (5), 3 (2). Added 4 (8). Removed 3. Re-estimated 2: 5 -> 8.
      cards: [card("1", 3, true), card("2", 8, false), card("4", 8, true)],
      committed: { cardIds: ["1", "2", "3"], points: 10 },
      changes: [change("ADDED", "4", 8), change("REMOVED", "3", 2), change("ESTIMATE_CHANGED", "2", 8, 5)],
      expected: { committedPoints: 10, committedCards: 3, addedPoints: 8, removedPoints: 2, estimateDelta: 3, completedPoints: 11, completedCards: 2 },
      incomplete: ["2"],
    },
    {
      name: "unestimated cards count as zero points",
      // Card 2 is estimated mid-sprint (null -> 5); card 3 is added unestimated.
      cards: [card("1", null, true), card("2", 5, false), card("3", null, false)],
      committed: { cardIds: ["1", "2"], points: 0 },
      changes: [change("ESTIMATE_CHANGED", "2", 5, null), change("ADDED", "3", null)],
      expected: { committedPoints: 0, committedCards: 2, addedPoints: 0, removedPoints: 0, estimateDelta: 5, completedPoints: 0, completedCards: 1 },
      incomplete: ["2", "3"],
    },
    {
      name: "a card added then removed counts as churn both ways",
      cards: [card("1", 2, false)],
      committed: { cardIds: ["1"], points: 2 },
      changes: [change("ADDED", "9", 5), change("REMOVED", "9", 5)],
      expected: { committedPoints: 2, committedCards: 1, addedPoints: 5, removedPoints: 5, estimateDelta: 0, completedPoints: 0, completedCards: 0 },
      incomplete: ["1"],
    },
  ])("summarizes $name", ({ cards, committed, changes, expected, incomplete }) => {
    const summary = summarizeSprint({ cards, committed, scopeChanges: changes });
    expect(summary).toMatchObject(expected);
    expect(summary.incompleteCards.map((c) => c.id)).toEqual(incomplete);
    // The books balance when the change log is complete.
    const currentPoints = cards.reduce((sum, c) => sum + (c.estimate ?? 0), 0);
    expect(summary.committedPoints + summary.addedPoints - summary.removedPoints + summary.estimateDelta).toBe(currentPoints);
  });

  it("reports incomplete cards with key and estimate", () => {
    const summary = summarizeSprint({ cards: [card("7", null, false)], committed: { cardIds: ["7"], points: 0 }, scopeChanges: [] });
    expect(summary.incompleteCards).toEqual([{ id: "7", key: "DEMO-7", estimate: null }]);
  });
});

describe("capacityState", () => {
  it.each([
    { committed: 10, capacity: null, expected: { over: false, remaining: null } },
    { committed: 0, capacity: 20, expected: { over: false, remaining: 20 } },
    { committed: 20, capacity: 20, expected: { over: false, remaining: 0 } },
    { committed: 23, capacity: 20, expected: { over: true, remaining: -3 } },
    { committed: 1, capacity: 0, expected: { over: true, remaining: -1 } },
  ])("$committed points against capacity $capacity", ({ committed, capacity, expected }) => {
    expect(capacityState(committed, capacity)).toEqual(expected);
  });
});

describe("daysUntil", () => {
  it.each([
    { name: "two weeks before", end: "2026-03-16T00:00:00Z", now: "2026-03-02T09:30:00Z", days: 14 },
    { name: "late on the day before", end: "2026-03-16T00:00:00Z", now: "2026-03-15T23:59:00Z", days: 1 },
    { name: "on the end day", end: "2026-03-16T00:00:00Z", now: "2026-03-16T18:00:00Z", days: 0 },
    { name: "an end set with a time of day", end: "2026-03-16T10:00:00Z", now: "2026-03-16T11:00:00Z", days: 0 },
    { name: "two days after", end: "2026-03-16T00:00:00Z", now: "2026-03-18T01:00:00Z", days: -2 },
  ])("is $days $name", ({ end, now, days }) => {
    expect(daysUntil(new Date(end), new Date(now))).toBe(days);
  });
});
