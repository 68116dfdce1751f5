import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { definitionFromChecklist, parseImport, parseImportStream, previewOf } from "./index";

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

/** The text in pieces of `size` characters, as an upload or the stored chunks arrive. */
async function* pieces(text: string, size: number) {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

describe("parseImportStream", () => {
  const folder = path.resolve(import.meta.dirname, "../../../../shared/fixtures/imports/trello");

  it("reads every Trello fixture in small pieces exactly as parseImport reads it whole", async () => {
    const files = readdirSync(folder).filter((name) => name.endsWith(".json"));
    expect(files.length).toBeGreaterThan(1);
    for (const name of files) {
      const text = readFileSync(path.join(folder, name), "utf8");
      for (const includeArchived of [false, true]) {
        expect(await parseImportStream("trello", pieces(text, 97), { now, includeArchived }), name).toEqual(parseImport("trello", text, { now, includeArchived }));
      }
    }
  });

  it("answers truncated JSON, a CSV, a document that is no board and an empty file as parseImport does", async () => {
    for (const bad of [trello.slice(0, 5000), "Summary,Issue key,Status\nx,K-1,Done\n", "[1, 2]", `{"lists": [], "name": "no cards"}`, ""]) {
      expect(await parseImportStream("trello", pieces(bad, 64), { now })).toEqual(parseImport("trello", bad, { now }));
    }
    expect(await parseImportStream("trello", pieces(`\uFEFF${trello}`, 1000), { now })).toEqual(parseImport("trello", trello, { now }));
  });

  it("hands other sources to their parser whole", async () => {
    const csv = "Summary,Issue key,Status\nx,K-1,Done\n";
    expect(await parseImportStream("jira-csv", pieces(csv, 5), { now })).toEqual(parseImport("jira-csv", csv, { now }));
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
