import { describe, expect, it } from "vitest";
import { parseLinearCsv } from "./linear-csv";

const csv = [
  "ID,Team,Title,Description,Status,Estimate,Priority,Project,Creator,Assignee,Labels,Cycle Number,Cycle Name,Cycle Start,Cycle End,Created,Updated,Started,Completed,Canceled,Archived",
  'ENG-12,Engineering,"\'=HYPERLINK(""x"")","Steps:\n- one",In Progress,3,High,,Grace,Ada,"Bug, Backend",4,Cycle 4,2025-11-03T00:00:00.000Z,2025-11-17T00:00:00.000Z,2025-11-04T09:00:00.000Z,,2025-11-05T10:00:00.000Z,,,',
  "ENG-10,Engineering,Ship it,,Done,2,Urgent,,Grace,,,3,,2025-10-20T00:00:00.000Z,2025-11-03T00:00:00.000Z,2025-10-21T09:00:00.000Z,,,2025-10-30T16:00:00.000Z,,",
  "ENG-13,Engineering,Later,,Backlog,,No priority,,Grace,,,,,,,2025-11-06T09:00:00.000Z,,,,,",
].join("\n");

describe("parseLinearCsv", () => {
  const project = parseLinearCsv(csv, { now: "2025-11-10T00:00:00.000Z" });

  it("maps statuses to columns by name and cycles to sprints by date", () => {
    expect(project.columns.map((column) => [column.name, column.category])).toEqual([["Backlog", "TODO"], ["In Progress", "IN_PROGRESS"], ["Done", "DONE"]]);
    expect(project.sprints.map((sprint) => [sprint.name, sprint.state])).toEqual([["Engineering Cycle 3", "CLOSED"], ["Cycle 4", "ACTIVE"]]);
  });

  it("reads estimates, priorities, labels, dates and takes off the formula guard", () => {
    const [first, second, third] = project.cards;
    expect(first).toMatchObject({ sourceId: "ENG-12", title: '=HYPERLINK("x")', description: "Steps:\n- one", type: "BUG", priority: "HIGH", estimate: 3, labels: ["Bug", "Backend"], assignee: "Ada", sprintSourceId: "Engineering#4" });
    expect(second).toMatchObject({ priority: "URGENT", completedAt: "2025-10-30T16:00:00.000Z", createdAt: "2025-10-21T09:00:00.000Z" });
    expect(third).toMatchObject({ priority: "MEDIUM", estimate: null, sprintSourceId: null });
  });

  it("refuses a file without a title or status column", () => {
    expect(() => parseLinearCsv("ID,Name\nA,b\n", { now: "2025-01-01T00:00:00.000Z" })).toThrow(/no “Title”, “Status” column/);
  });
});
