import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseImport, previewOf } from "./index";

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
