import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { definitionFromChecklist, parseImport, previewOf } from "./index";

const trello = readFileSync(path.resolve(import.meta.dirname, "../../../../shared/fixtures/imports/trello/blog-post-ideas-board-2017.json"), "utf8");
const now = "2026-01-01T00:00:00.000Z";

describe("parseImport", () => {
  it("previews the counts and the column proposal of a Trello board", () => {
    const result = parseImport("trello", trello, { now });
    if (!result.ok) throw new Error(result.errors[0]!.message);
    const preview = previewOf(result.project);
    expect(preview.counts).toMatchObject({ cards: 155, columns: 8, sprints: 0, events: 0, moves: 0, comments: 0, checklistItems: 0, labels: 9 });
    expect(preview.columns[0]).toMatchObject({ name: "Social Media Blog ideas", category: "TODO", cards: 83 });
  });

  it("answers bad files with a clear error value: truncated JSON, wrong kind, wrong source", () => {
    expect(parseImport("trello", trello.slice(0, 5000), { now })).toEqual({ ok: false, errors: [expect.objectContaining({ code: "INVALID_JSON" })] });
    expect(parseImport("trello", "Summary,Issue key,Status\nx,K-1,Done\n", { now })).toEqual({ ok: false, errors: [expect.objectContaining({ code: "WRONG_KIND" })] });
    expect(parseImport("jira-csv", trello, { now })).toEqual({ ok: false, errors: [expect.objectContaining({ code: "WRONG_KIND" })] });
    expect(parseImport("jira-json", trello, { now })).toEqual({ ok: false, errors: [expect.objectContaining({ code: "NOT_JIRA_JSON" })] });
  });
});

describe("checklists offered as the Definition of Done", () => {
  const board = {
    lists: [{ id: "l1", name: "To do", pos: 1 }],
    cards: [
      { id: "c1", name: "One", idList: "l1", pos: 1 },
      { id: "c2", name: "Two", idList: "l1", pos: 2 },
    ],
    checklists: [
      { id: "k1", idCard: "c1", name: "DoD", pos: 1, checkItems: [{ name: "tested", state: "complete", pos: 1 }] },
      { id: "k2", idCard: "c2", name: "DoD", pos: 1, checkItems: [{ name: " tested ", state: "incomplete", pos: 1 }, { name: "documented", state: "incomplete", pos: 2 }] },
      { id: "k3", idCard: "c2", name: "Notes", pos: 2, checkItems: [] },
    ],
    actions: [],
  };

  it("lists each checklist name once with its distinct items and the cards carrying it; the definition is every item text in first-seen order", () => {
    const result = parseImport("trello", JSON.stringify(board), { now });
    if (!result.ok) throw new Error(result.errors[0]!.message);
    expect(previewOf(result.project).checklists).toEqual([{ name: "DoD", items: 2, cards: 2 }, { name: "Notes", items: 0, cards: 1 }]);
    expect(definitionFromChecklist(result.project, "DoD")).toEqual(["tested", "documented"]);
    expect(definitionFromChecklist(result.project, "Missing")).toEqual([]);
  });
});
