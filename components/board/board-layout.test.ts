import { describe, expect, it } from "vitest";
import { applyMove, buildLayout, cellId, moveToCell, parseCellId, placement, stabilize } from "./board-layout";
import type { BoardCard, BoardColumn, BoardData } from "./types";

function card(key: string, extra: Partial<BoardCard> = {}): BoardCard {
  return {
    key,
    title: `Title of ${key}`,
    type: "story",
    priority: "medium",
    assignee: null,
    estimate: null,
    labels: [],
    epic: null,
    blockedReason: null,
    flagReason: null,
    columnEnteredAt: "2026-01-01T00:00:00.000Z",
    ageDays: 3,
    workItemAge: 3,
    version: 1,
    sprintId: null,
    pipeline: null,
    ...extra,
  };
}

function column(id: string, cards: BoardCard[], extra: Partial<BoardColumn> = {}): BoardColumn {
  return { id, name: id.toUpperCase(), category: "IN_PROGRESS", wipLimit: null, policy: "", count: cards.length, cards, ...extra };
}

function board(...columns: BoardColumn[]): BoardData {
  return { project: { key: "T", name: "Test", mode: "KANBAN", wipMode: "HARD", agingDays: 5, agingThreshold: 5, timeZone: "UTC", startColumnId: null, finishColumnIds: [], productionEnvironments: [], activeSprint: null }, lastEventId: null, columns };
}

const keysOf = (data: BoardData) => Object.fromEntries(data.columns.map((c) => [c.id, c.cards.map((x) => x.key)]));
const NOW = new Date("2026-02-01T12:00:00.000Z");

describe("cell ids", () => {
  it("round-trip and never parse a card key", () => {
    expect(parseCellId(cellId("user_1", "col_9"))).toEqual({ laneId: "user_1", columnId: "col_9" });
    expect(parseCellId("DEMO-12")).toBeNull();
  });
});

describe("buildLayout", () => {
  const alice = { id: "u1", name: "Alice" };
  const bob = { id: "u2", name: "Bob" };
  const data = board(
    column("todo", [card("T-1", { assignee: bob, priority: "low" }), card("T-2", { priority: "urgent" }), card("T-3", { assignee: alice })]),
    column("done", [card("T-4", { assignee: alice, priority: "high" })]),
  );

  it("without lanes puts every column's cards, in order, in one lane", () => {
    const { lanes, cells } = buildLayout(data.columns, "none");
    expect(lanes).toEqual([{ id: "all", title: "All cards" }]);
    expect(cells[cellId("all", "todo")]!.map((c) => c.key)).toEqual(["T-1", "T-2", "T-3"]);
  });

  it("by assignee sorts people by name and puts Unassigned last", () => {
    const { lanes, cells } = buildLayout(data.columns, "assignee");
    expect(lanes.map((lane) => lane.title)).toEqual(["Alice", "Bob", "Unassigned"]);
    expect(cells[cellId("u1", "todo")]!.map((c) => c.key)).toEqual(["T-3"]);
    expect(cells[cellId("u1", "done")]!.map((c) => c.key)).toEqual(["T-4"]);
    expect(cells[cellId("u2", "done")]).toEqual([]);
  });

  it("by priority orders lanes by urgency and shows only lanes with cards", () => {
    expect(buildLayout(data.columns, "priority").lanes.map((lane) => lane.id)).toEqual(["urgent", "high", "medium", "low"]);
    expect(buildLayout([column("a", [card("T-9", { priority: "low" })])], "priority").lanes.map((lane) => lane.id)).toEqual(["low"]);
  });

  it("keeps one empty lane when there are no cards, so columns stay droppable", () => {
    expect(buildLayout([column("a", [])], "epic").lanes).toEqual([{ id: "all", title: "All cards" }]);
  });

  it("reuses previous cell arrays whose cards did not change", () => {
    const first = buildLayout(data.columns, "none");
    const moved = applyMove(data, { cardKey: "T-1", toColumnId: "done" }, NOW);
    const second = buildLayout(moved.columns, "none", first.cells);
    expect(second.cells[cellId("all", "todo")]).not.toBe(first.cells[cellId("all", "todo")]);
    const unchanged = buildLayout(data.columns, "none", first.cells);
    expect(unchanged.cells[cellId("all", "done")]).toBe(first.cells[cellId("all", "done")]);
  });
});

describe("placement", () => {
  it("names the neighbours above and below, and the position", () => {
    const { cells } = buildLayout([column("a", [card("T-1"), card("T-2"), card("T-3")])], "none");
    expect(placement(cells, "T-2")).toMatchObject({ move: { cardKey: "T-2", toColumnId: "a", afterKey: "T-1", beforeKey: "T-3" }, position: 2, total: 3 });
    expect(placement(cells, "T-1")?.move).toEqual({ cardKey: "T-1", toColumnId: "a", afterKey: undefined, beforeKey: "T-2" });
    expect(placement(cells, "T-404")).toBeNull();
  });
});

describe("applyMove", () => {
  const data = board(column("a", [card("T-1"), card("T-2")], { count: 7 }), column("b", [card("T-3"), card("T-4")], { count: 2 }));

  it.each([
    ["after a neighbour", { afterKey: "T-3" }, ["T-3", "T-1", "T-4"]],
    ["before a neighbour", { beforeKey: "T-3" }, ["T-1", "T-3", "T-4"]],
    ["with no neighbours, at the bottom", {}, ["T-3", "T-4", "T-1"]],
    ["after a neighbour that is gone, before the other", { afterKey: "T-99", beforeKey: "T-4" }, ["T-3", "T-1", "T-4"]],
  ])("into another column %s", (_name, anchors, expected) => {
    const moved = applyMove(data, { cardKey: "T-1", toColumnId: "b", ...anchors }, NOW);
    expect(keysOf(moved)).toEqual({ a: ["T-2"], b: expected });
  });

  it("counts the whole column (filters hide cards, not WIP) and restarts the card's age", () => {
    const moved = applyMove(data, { cardKey: "T-1", toColumnId: "b" }, NOW);
    expect(moved.columns.map((c) => c.count)).toEqual([6, 3]);
    expect(moved.columns[1]!.cards.at(-1)).toMatchObject({ key: "T-1", ageDays: 0, columnEnteredAt: NOW.toISOString() });
  });

  it("keeps the work item age between started columns, starts it at 1 on first entry, drops it when finished", () => {
    const flow = board(
      column("todo", [card("T-1", { workItemAge: null })], { category: "TODO" }),
      column("doing", [card("T-2", { workItemAge: 6 })]),
      column("review", []),
      column("done", [], { category: "DONE" }),
    );
    const ageOf = (data: BoardData, key: string) => data.columns.flatMap((c) => c.cards).find((c) => c.key === key)!.workItemAge;
    expect(ageOf(applyMove(flow, { cardKey: "T-1", toColumnId: "doing" }, NOW), "T-1")).toBe(1);
    expect(ageOf(applyMove(flow, { cardKey: "T-2", toColumnId: "review" }, NOW), "T-2")).toBe(6);
    expect(ageOf(applyMove(flow, { cardKey: "T-2", toColumnId: "done" }, NOW), "T-2")).toBeNull();
    expect(ageOf(applyMove(flow, { cardKey: "T-2", toColumnId: "todo" }, NOW), "T-2")).toBeNull();
  });

  it("reorders within a column without touching counts or age", () => {
    const moved = applyMove(data, { cardKey: "T-1", toColumnId: "a", afterKey: "T-2" }, NOW);
    expect(keysOf(moved).a).toEqual(["T-2", "T-1"]);
    expect(moved.columns[0]!.count).toBe(7);
    expect(moved.columns[0]!.cards[1]).toBe(data.columns[0]!.cards[0]);
  });

  it("is idempotent: replaying a move on a board that already has it changes nothing", () => {
    const move = { cardKey: "T-1", toColumnId: "b", afterKey: "T-3", beforeKey: "T-4" };
    const once = applyMove(data, move, NOW);
    const twice = applyMove(once, move, NOW);
    expect(keysOf(twice)).toEqual(keysOf(once));
    expect(twice.columns.map((c) => c.count)).toEqual(once.columns.map((c) => c.count));
  });

  it("leaves the board alone for an unknown card or column", () => {
    expect(applyMove(data, { cardKey: "T-404", toColumnId: "b" }, NOW)).toBe(data);
    expect(applyMove(data, { cardKey: "T-1", toColumnId: "nope" }, NOW)).toBe(data);
  });
});

describe("stabilize", () => {
  const data = board(column("a", [card("T-1"), card("T-2")]), column("b", [card("T-3")]));
  const copy = (value: BoardData): BoardData => JSON.parse(JSON.stringify(value));

  it("returns the previous board when nothing changed", () => {
    expect(stabilize(copy(data), data)).toBe(data);
  });

  it("keeps unchanged cards and columns by identity and takes changed ones", () => {
    const next = copy(data);
    next.columns[0]!.cards[1]!.title = "Renamed";
    const stable = stabilize(next, data);
    expect(stable.columns[0]!.cards[0]).toBe(data.columns[0]!.cards[0]);
    expect(stable.columns[0]!.cards[1]!.title).toBe("Renamed");
    expect(stable.columns[1]).toBe(data.columns[1]);
  });

  it("notices a changed column setting even when its cards are the same", () => {
    const next = copy(data);
    next.columns[1]!.wipLimit = 1;
    expect(stabilize(next, data).columns[1]!.wipLimit).toBe(1);
  });
});

describe("moveToCell", () => {
  const { cells } = buildLayout([column("a", [card("T-1"), card("T-2")]), column("b", [card("T-3")])], "none");
  const a = cellId("all", "a");
  const b = cellId("all", "b");

  it("moves a card between cells at the index, clamped to the ends", () => {
    expect(moveToCell(cells, "T-1", b, 0)[b]!.map((c) => c.key)).toEqual(["T-1", "T-3"]);
    expect(moveToCell(cells, "T-1", b, 99)[b]!.map((c) => c.key)).toEqual(["T-3", "T-1"]);
    expect(moveToCell(cells, "T-1", b, 0)[a]!.map((c) => c.key)).toEqual(["T-2"]);
  });

  it("leaves the cells alone for the card's own cell, an unknown card or an unknown cell", () => {
    expect(moveToCell(cells, "T-1", a, 1)).toBe(cells);
    expect(moveToCell(cells, "T-404", b, 0)).toBe(cells);
    expect(moveToCell(cells, "T-1", "cell~x~y", 0)).toBe(cells);
  });
});
