import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTrello } from "./trello";

const fixture = (name: string) => JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../../../shared/fixtures/imports/trello", name), "utf8"));

describe("parseTrello on real exports", () => {
  it("reads the minimal board: one list, one card, an unnamed label kept by its colour, no history beyond creation", () => {
    const project = parseTrello(fixture("deck-testboard-anonymized-minimal.json"));
    expect(project.columns).toEqual([{ sourceId: "hashlisttodo", name: "TODO", category: "TODO", archived: false }]);
    expect(project.cards).toHaveLength(1);
    const [card] = project.cards;
    expect(card).toMatchObject({ title: "Name Card 7", description: "", columnSourceId: "hashlisttodo", labels: [], checklists: [], comments: [] });
    expect(card).not.toHaveProperty("email");
    expect(project.labels).toEqual([{ name: "", color: "yellow" }]);
    expect(project.people).toEqual(["John Doe"]);
    expect(card!.events.filter((event) => event.type === "MOVED")).toHaveLength(0);
    expect(card!.events.filter((event) => event.type === "CREATED").map((event) => event.toColumnSourceId)).toEqual(["hashlisttodo"]);
  });

  it("reads the copied editorial board without actions: lists in board order with their card counts and labels", () => {
    const project = parseTrello(fixture("blog-post-ideas-board-2017.json"));
    expect(project.columns.map((column) => column.name)).toEqual([
      "Social Media Blog ideas",
      "Open Blog ideas",
      "Guest Posts",
      "Team posts for Open/Overflow synd",
      "Social: Aug 3 - 7",
      "Social: Aug 10 - 14",
      "Social: Aug 17 - 21",
      "Social: Aug 24 - 28",
    ]);
    const counts = project.columns.map((column) => project.cards.filter((card) => card.columnSourceId === column.sourceId).length);
    expect(counts).toEqual([83, 55, 1, 2, 5, 3, 6, 0]);
    expect(project.labels).toHaveLength(9);
    const applications = new Map<string, number>();
    for (const label of project.cards.flatMap((card) => card.labels)) applications.set(label, (applications.get(label) ?? 0) + 1);
    expect(Object.fromEntries(applications)).toEqual({ "In Progress": 13, Finished: 2, "Pending/Paused": 2, "Out for review/revision": 2, "First Draft": 1 });
    expect(project.cards.every((card) => card.events.length === 0 && card.checklists.length === 0 && card.comments.length === 0)).toBe(true);
    expect(project.cards.every((card) => card.createdAt !== null)).toBe(true);
    expect(project.columns[0]!.category).toBe("TODO");
  });
});

const action = (type: string, date: string, data: Record<string, unknown>) => ({ id: `${type}-${date}`, type, date, data, memberCreator: { fullName: "Ada" } });

describe("parseTrello history and details", () => {
  const board = {
    name: "Flow",
    lists: [
      { id: "l3", name: "Done", pos: 3 },
      { id: "l1", name: "Backlog", pos: 1 },
      { id: "l2", name: "Doing (renamed)", pos: 2 },
      { id: "lx", name: "Old", pos: 4, closed: true },
    ],
    labels: [{ id: "lab1", name: "", color: "green" }],
    members: [{ id: "m1", fullName: "Ada Lovelace" }],
    cards: [
      { id: "c2", name: "Second", idList: "l1", pos: 200, idLabels: ["lab1"], idMembers: ["m1"], due: "2024-03-01T12:00:00.000Z", email: "x@boards.trello.com" },
      { id: "c1", name: "First", idList: "l3", pos: 100, desc: "**md**" },
      { id: "c3", name: "Archived", idList: "l1", pos: 50, closed: true },
      { id: "c4", name: "In archived list", idList: "lx", pos: 1 },
    ],
    checklists: [
      { id: "k2", idCard: "c1", name: "Second list", pos: 2, checkItems: [{ name: "b", state: "incomplete", pos: 1 }] },
      { id: "k1", idCard: "c1", name: "DoD", pos: 1, checkItems: [{ name: "tests", state: "complete", pos: 2 }, { name: "review", state: "incomplete", pos: 1 }] },
    ],
    actions: [
      action("updateCard", "2024-02-03T10:00:00.000Z", { card: { id: "c1" }, listBefore: { id: "l2", name: "Doing" }, listAfter: { id: "l3", name: "Done" } }),
      action("commentCard", "2024-02-02T10:00:00.000Z", { card: { id: "c1" }, text: "Looks good" }),
      action("updateCard", "2024-02-01T10:00:00.000Z", { card: { id: "c1" }, listBefore: { id: "l1" }, listAfter: { id: "l2" } }),
      action("updateCard", "2024-01-31T10:00:00.000Z", { card: { id: "c1" }, old: { name: "Frist" } }),
      action("createCard", "2024-01-30T10:00:00.000Z", { card: { id: "c1" }, list: { id: "l1" } }),
    ],
  };

  it("turns createCard and list changes into dated events by list id, oldest first", () => {
    const project = parseTrello(board);
    const first = project.cards.find((card) => card.title === "First")!;
    expect(first.events.map((event) => [event.type, event.at, event.fromColumnSourceId, event.toColumnSourceId])).toEqual([
      ["CREATED", "2024-01-30T10:00:00.000Z", null, "l1"],
      ["MOVED", "2024-02-01T10:00:00.000Z", "l1", "l2"],
      ["MOVED", "2024-02-03T10:00:00.000Z", "l2", "l3"],
    ]);
    expect(first.createdAt).toBe("2024-01-30T10:00:00.000Z");
    expect(first.comments).toEqual([{ sourceId: "commentCard-2024-02-02T10:00:00.000Z", author: "Ada", at: "2024-02-02T10:00:00.000Z", body: "Looks good" }]);
    expect(first.checklists).toEqual([
      { name: "DoD", items: [{ text: "review", done: false }, { text: "tests", done: true }] },
      { name: "Second list", items: [{ text: "b", done: false }] },
    ]);
  });

  it("orders columns by position, proposes categories, skips archived cards and lists unless asked", () => {
    const project = parseTrello(board);
    expect(project.columns.map((column) => [column.name, column.category])).toEqual([["Backlog", "TODO"], ["Doing (renamed)", "IN_PROGRESS"], ["Done", "DONE"]]);
    expect(project.cards.map((card) => card.title)).toEqual(["Second", "First"]);
    const second = project.cards[0]!;
    expect(second).toMatchObject({ labels: ["green"], assignee: "Ada Lovelace", dueAt: "2024-03-01T12:00:00.000Z" });
    expect(parseTrello(board, { includeArchived: true }).cards.map((card) => card.title)).toEqual(["Archived", "Second", "First", "In archived list"]);
  });

  it("refuses something that is not a board and warns when history hit the export cap", () => {
    expect(() => parseTrello({ issues: [] })).toThrow(/not a Trello board/);
    const capped = { ...board, actions: Array.from({ length: 1000 }, (_, i) => action("updateBoard", new Date(Date.UTC(2024, 0, 1) - i * 1000).toISOString(), {})) };
    expect(parseTrello(capped).warnings.map((warning) => warning.code)).toEqual(["HISTORY_TRUNCATED"]);
  });
});
