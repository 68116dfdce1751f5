import { describe, expect, it } from "vitest";
import { matchPerson, planColumns } from "./mapping";
import type { ImportedColumn } from "./model";

const imported: ImportedColumn[] = [
  { sourceId: "a", name: "To Do", category: "TODO", archived: false },
  { sourceId: "b", name: "Doing", category: "IN_PROGRESS", archived: false },
  { sourceId: "c", name: "Shipped", category: "DONE", archived: false },
];
const existing = [
  { id: "col-todo", name: "To do", sourceId: null },
  { id: "col-done", name: "Done", sourceId: null },
  { id: "col-prev", name: "Doing (renamed here)", sourceId: "trello:b" },
];

describe("planColumns", () => {
  it("maps by earlier import, then by name, else proposes a new column", () => {
    expect(planColumns(imported, existing, "trello:").plan).toEqual([
      { sourceId: "a", columnId: "col-todo", name: "To do" },
      { sourceId: "b", columnId: "col-prev", name: "Doing (renamed here)" },
      { sourceId: "c", columnId: null, name: "Shipped", category: "DONE" },
    ]);
  });

  it("follows the person's choices and reports targets that are not the project's", () => {
    const { plan, unknownTargets } = planColumns(imported, existing, "trello:", {
      columns: { a: { name: "Ideas", category: "TODO" }, b: { columnId: "elsewhere" }, c: { columnId: "col-done" } },
    });
    expect(plan).toEqual([
      { sourceId: "a", columnId: null, name: "Ideas", category: "TODO" },
      { sourceId: "b", columnId: "col-prev", name: "Doing (renamed here)" },
      { sourceId: "c", columnId: "col-done", name: "Done" },
    ]);
    expect(unknownTargets).toEqual(["elsewhere"]);
  });
});

describe("matchPerson", () => {
  const members = [
    { id: "u1", name: "Ada Lovelace", email: "ada@example.com" },
    { id: "u2", name: "Sam", email: "sam1@example.com" },
    { id: "u3", name: "Sam", email: "sam2@example.com" },
  ];
  it("takes the mapping, else one member of that name or email, never a guess between two", () => {
    expect(matchPerson("ada lovelace", members)).toBe("u1");
    expect(matchPerson("ada@example.com", members)).toBe("u1");
    expect(matchPerson("Sam", members)).toBeNull();
    expect(matchPerson("Sam", members, { people: { Sam: "u3" } })).toBe("u3");
    expect(matchPerson("Ada Lovelace", members, { people: { "Ada Lovelace": null } })).toBeNull();
    expect(matchPerson(null, members)).toBeNull();
  });
});
