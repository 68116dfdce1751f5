import { describe, expect, it } from "vitest";
import { jiraCsvDate, parseJiraCsv } from "./jira-csv";

// The header of a real "Export CSV (all fields)" from Jira Cloud (see the fixtures' README).
const HEADER =
  "Summary,Issue key,Issue id,Issue Type,Status,Project key,Project name,Project type,Project lead,Project lead id,Project description,Priority,Resolution,Assignee,Assignee Id,Reporter,Reporter Id,Creator,Creator Id,Created,Updated,Last Viewed,Resolved,Due date,Votes,Labels,Labels,Labels,Labels,Description,Environment,Watchers,Watchers Id,Original estimate,Remaining Estimate,Time Spent,Work Ratio,Σ Original Estimate,Σ Remaining Estimate,Σ Time Spent,Security Level,Custom field (Development),Custom field (Issue color),Custom field (Rank),Sprint,Sprint,Sprint,Custom field (Start date),Custom field (Story point estimate),Custom field (Team),Custom field (Vulnerability),Custom field (Vulnerability),Comment,Parent,Parent key,Parent summary,Status Category,Status Category Changed";
const columns = HEADER.split(",");

function row(values: Record<string, string | string[]>): string {
  const cells = columns.map(() => "");
  for (const [name, value] of Object.entries(values)) {
    const positions = columns.flatMap((column, index) => (column === name ? [index] : []));
    (Array.isArray(value) ? value : [value]).forEach((cell, i) => (cells[positions[i]!] = cell));
  }
  return cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(",");
}

const csv = [
  `\uFEFF${HEADER}`,
  row({
    Summary: "Checkout fails, sometimes",
    "Issue key": "SHOP-2",
    "Issue id": "10002",
    "Issue Type": "Bug",
    Status: "In Review",
    "Project name": "Shop",
    Priority: "High",
    Assignee: "Ada Lovelace",
    "Assignee Id": "acc-ada",
    Reporter: "Grace Hopper",
    "Reporter Id": "acc-grace",
    Created: "12/Nov/25 5:40 PM",
    Labels: ["payments", "urgent"],
    Description: "h3. Steps\n# open cart\n# pay with *card*",
    Sprint: ["SHOP Sprint 1", "SHOP Sprint 2"],
    "Custom field (Story point estimate)": "5.0",
    Comment: ["13/Nov/25 9:05 AM;acc-grace;Seen again; on mobile"],
    Parent: "10001",
    "Parent key": "SHOP-1",
    "Status Category": "In Progress",
  }),
  row({ Summary: "Payments epic", "Issue key": "SHOP-1", "Issue id": "10001", "Issue Type": "Epic", Status: "Done", Priority: "Medium", Created: "01/Oct/25 12:00 AM", Resolved: "20/Nov/25 12:30 PM", "Status Category": "Done", Sprint: ["SHOP Sprint 1"] }),
  row({ Summary: "Write docs", "Issue key": "SHOP-3", "Issue id": "10003", "Issue Type": "Task", Status: "To Do", Priority: "Low", Created: "14/Nov/25 8:00 AM", "Status Category": "To Do", Sprint: ["SHOP Sprint 2"] }),
].join("\r\n");

describe("parseJiraCsv", () => {
  const project = parseJiraCsv(csv);

  it("maps statuses to columns by status category, in category order", () => {
    expect(project.columns.map((column) => [column.name, column.category])).toEqual([["To Do", "TODO"], ["In Review", "IN_PROGRESS"], ["Done", "DONE"]]);
    expect(project.name).toBe("Shop");
  });

  it("reads repeated labels, sprints (last current, earlier closed), points, parents, comments and wiki markup", () => {
    const bug = project.cards.find((card) => card.sourceKey === "SHOP-2")!;
    expect(bug).toMatchObject({
      sourceId: "10002",
      type: "BUG",
      priority: "HIGH",
      labels: ["payments", "urgent"],
      assignee: "Ada Lovelace",
      estimate: 5,
      sprintSourceId: "SHOP Sprint 2",
      pastSprintSourceIds: ["SHOP Sprint 1"],
      parentSourceId: "10001",
      createdAt: "2025-11-12T17:40:00.000Z",
      events: [],
    });
    expect(bug.description).toBe("### Steps\n1. open cart\n1. pay with **card**");
    expect(bug.comments).toEqual([{ sourceId: null, author: "Grace Hopper", at: "2025-11-13T09:05:00.000Z", body: "Seen again; on mobile" }]);
    expect(project.cards.find((card) => card.sourceKey === "SHOP-1")).toMatchObject({ type: "EPIC", completedAt: "2025-11-20T12:30:00.000Z", createdAt: "2025-10-01T00:00:00.000Z" });
    expect(project.sprints.map((sprint) => [sprint.name, sprint.state])).toEqual([["SHOP Sprint 1", "CLOSED"], ["SHOP Sprint 2", "ACTIVE"]]);
    expect(project.warnings.map((warning) => warning.code)).toEqual(["NO_HISTORY"]);
  });

  it("reads dates with localised months and both clocks", () => {
    expect(jiraCsvDate("03/févr./26 4:15 PM")).toBe("2026-02-03T16:15:00.000Z");
    expect(jiraCsvDate("07/nov/25 12:05 AM")).toBe("2025-11-07T00:05:00.000Z");
    expect(jiraCsvDate("15/ago/24 17:30")).toBe("2024-08-15T17:30:00.000Z");
    expect(jiraCsvDate("2024-08-15T17:30:00.000+0200")).toBe("2024-08-15T15:30:00.000Z");
    expect(jiraCsvDate("not a date")).toBeNull();
  });

  it("reads a Spanish header's core columns and says so", () => {
    const spanish = "\uFEFFResumen,Clave de incidencia,Estado,Etiquetas,Etiquetas\nHola,ES-1,Tareas por hacer,a,b\n";
    const parsed = parseJiraCsv(spanish);
    expect(parsed.cards).toEqual([expect.objectContaining({ title: "Hola", sourceKey: "ES-1", labels: ["a", "b"] })]);
    expect(parsed.warnings.map((warning) => warning.code)).toContain("HEADER_LANGUAGE");
  });

  it("refuses missing required columns, an empty file and broken quoting, naming the problem", () => {
    expect(() => parseJiraCsv("Summary,Priority\nx,High\n")).toThrow(/no “Issue key”, “Status” column/);
    expect(() => parseJiraCsv("")).toThrow(/no header/);
    expect(() => parseJiraCsv('Summary,Issue key,Status\n"unterminated,K-1,Done\n')).toThrow(/not readable CSV/);
  });
});
