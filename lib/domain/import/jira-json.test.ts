import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseJiraJson } from "./jira-json";

const fixture = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../../../shared/fixtures/imports/jira/indeed-engplans-10-rest-issue-with-changelog.json"), "utf8"));

describe("parseJiraJson on a real Jira Server issue with changelog", () => {
  const project = parseJiraJson(fixture);
  const card = project.cards[0]!;

  it("reads the issue's fields", () => {
    expect(project.cards).toHaveLength(1);
    expect(card).toMatchObject({
      sourceKey: "ENGPLANS-10",
      title: "Upgrade Ivy from 2.0.0-beta2 to 2.0.0",
      type: "STORY",
      priority: "LOW",
      labels: ["Eng"],
      assignee: "C",
      reporter: "J",
      createdAt: "2009-02-12T23:40:27.000Z",
      completedAt: "2009-02-13T00:48:50.000Z",
    });
    expect(card.description).toBe("We're still on 2.0.0-beta2. 2.0.0 was released.");
    expect(card.description).toHaveLength(47);
    expect(card.comments).toHaveLength(2);
    expect(card.comments.map((comment) => comment.at)).toEqual(["2010-03-22T19:07:43.000Z", "2010-03-22T19:13:33.000Z"]);
  });

  it("turns the 4 status changes into moves at their UTC instants, across both daylight-saving offsets", () => {
    const moves = card.events.filter((event) => event.type === "MOVED");
    const name = (id: string | null) => project.columns.find((column) => column.sourceId === id)?.name;
    expect(moves.map((move) => [name(move.fromColumnSourceId), name(move.toColumnSourceId), move.at])).toEqual([
      ["Pending Triage", "Accepted", "2009-02-13T00:48:32.000Z"],
      ["Accepted", "Pending Verification", "2009-02-13T00:48:50.000Z"],
      ["Pending Verification", "Pending Closure", "2010-03-22T19:07:43.000Z"],
      ["Pending Closure", "Closed", "2010-03-22T19:13:33.000Z"],
    ]);
    expect(card.events[0]).toMatchObject({ type: "CREATED", at: "2009-02-12T23:40:27.000Z", toColumnSourceId: moves[0]!.fromColumnSourceId });
    expect(name(card.columnSourceId)).toBe("Closed");
  });

  it("proposes columns in workflow order with Closed done, and warns that the changelog is paged", () => {
    expect(project.columns.map((column) => [column.name, column.category])).toEqual([
      ["Pending Triage", "TODO"],
      ["Accepted", "IN_PROGRESS"],
      ["Pending Verification", "IN_PROGRESS"],
      ["Pending Closure", "IN_PROGRESS"],
      ["Closed", "DONE"],
    ]);
    expect(project.warnings).toEqual([expect.objectContaining({ code: "HISTORY_PARTIAL", message: expect.stringContaining("5 of 7") })]);
  });
});

describe("parseJiraJson on a Jira Cloud search result", () => {
  const issue = (id: string, key: string, extra: Record<string, unknown>) => ({
    id,
    key,
    fields: {
      summary: `Issue ${key}`,
      status: { id: "3", name: "In Progress", statusCategory: { key: "indeterminate" } },
      issuetype: { name: "Bug" },
      priority: { name: "Highest" },
      created: "2024-01-01T10:00:00.000+0100",
      labels: ["api"],
      ...extra,
    },
  });
  const result = {
    names: { customfield_10016: "Story point estimate", customfield_10020: "Sprint", customfield_10019: "Rank" },
    issues: [
      issue("2", "WEB-2", {
        customfield_10016: 5.0,
        customfield_10019: "0|i0000b:",
        customfield_10020: [
          { id: 7, name: "Sprint 7", state: "closed", boardId: 1, startDate: "2024-01-01T00:00:00.000Z", endDate: "2024-01-14T00:00:00.000Z", completeDate: "2024-01-14T10:00:00.000Z" },
          { id: 8, name: "Sprint 8", state: "active", boardId: 1, startDate: "2024-01-15T00:00:00.000Z" },
        ],
        description: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Bold", marks: [{ type: "strong" }] }, { type: "text", text: " move" }] }] },
        parent: { id: "1", key: "WEB-1" },
      }),
      issue("1", "WEB-1", { customfield_10019: "0|i0000a:", issuetype: { name: "Epic" }, description: "h2. Goal\n*strong* text" }),
    ],
  };

  it("reads story points, sprints (last open one current), rank order, ADF and wiki descriptions, parents", () => {
    const project = parseJiraJson(result);
    expect(project.cards.map((card) => card.sourceKey)).toEqual(["WEB-1", "WEB-2"]);
    const [epic, bug] = project.cards;
    expect(epic).toMatchObject({ type: "EPIC", description: "## Goal\n**strong** text" });
    expect(bug).toMatchObject({ type: "BUG", priority: "URGENT", estimate: 5, sprintSourceId: "8", pastSprintSourceIds: ["7"], parentSourceId: "1", description: "**Bold** move" });
    expect(project.sprints.map((sprint) => [sprint.name, sprint.state, sprint.completedAt])).toEqual([
      ["Sprint 7", "CLOSED", "2024-01-14T10:00:00.000Z"],
      ["Sprint 8", "ACTIVE", null],
    ]);
    expect(project.columns).toEqual([{ sourceId: "3", name: "In Progress", category: "IN_PROGRESS", archived: false }]);
  });

  it("reads old Server sprint strings and refuses files of another kind", () => {
    const legacy = issue("9", "OLD-9", { customfield_10500: ["com.atlassian.greenhopper.service.sprint.Sprint@1f[id=3,rapidViewId=1,state=CLOSED,name=Sprint 3, part 2,startDate=2019-01-01T10:00:00.000Z,endDate=<null>,completeDate=<null>,sequence=3]"] });
    const project = parseJiraJson([legacy]);
    expect(project.sprints).toEqual([expect.objectContaining({ sourceId: "3", name: "Sprint 3, part 2", state: "CLOSED", endDate: null })]);
    expect(() => parseJiraJson({ lists: [], cards: [] })).toThrow(/not a Jira JSON export/);
  });
});
