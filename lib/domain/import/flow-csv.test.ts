import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, flowCsvHeader, flowCsvRow } from "./flow-csv";

describe("flow CSV", () => {
  it("escapes formula-like cells and quotes what needs it", () => {
    expect(["=SUM(A1)", "+1", "-2", "@me", "\tx", "plain", 'say "hi", then', null, 3].map(csvCell)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-2",
      "'@me",
      "'\tx",
      "plain",
      '"say ""hi"", then"',
      "",
      "3",
    ]);
  });

  it("gives each stage the date the card last entered it", () => {
    const columns = [
      { id: "a", name: "To do" },
      { id: "b", name: "Doing" },
      { id: "c", name: "Done" },
    ];
    const card = {
      key: "K-1",
      title: "=cmd|' /C calc'!A0",
      type: "STORY",
      priority: "HIGH",
      estimate: 3,
      labels: ["x", "y"],
      columnId: "c",
      createdAt: new Date("2024-01-01T00:00:00Z"),
      completedAt: new Date("2024-01-05T00:00:00Z"),
      events: [
        { at: new Date("2024-01-01T00:00:00Z"), toColumnId: "a" },
        { at: new Date("2024-01-02T00:00:00Z"), toColumnId: "b" },
        { at: new Date("2024-01-03T00:00:00Z"), toColumnId: "a" },
        { at: new Date("2024-01-05T00:00:00Z"), toColumnId: "c" },
      ],
    };
    const [header, row] = parse(flowCsvHeader(columns.map((column) => column.name)) + flowCsvRow(card, columns)) as string[][];
    expect(header!.slice(-3)).toEqual(["To do", "Doing", "Done"]);
    expect(row).toEqual(["K-1", "'=cmd|' /C calc'!A0", "story", "high", "3", "x, y", "Done", "2024-01-01T00:00:00.000Z", "2024-01-05T00:00:00.000Z", "2024-01-03T00:00:00.000Z", "2024-01-02T00:00:00.000Z", "2024-01-05T00:00:00.000Z"]);
  });
});
