import { describe, expect, it } from "vitest";
import type { BurndownReport, CumulativeFlowReport, ForecastReport } from "@/lib/domain/reports/types";
import { burndownTable, cfdTable, forecastTable, instant, tableCsv } from "./report-table";

describe("report tables and their CSV", () => {
  it("writes the table's rows as CSV, header first, formula-like cells escaped", () => {
    const table = { columns: ["Card", "Title", "Days"], rows: [["PAY-1", "=HYPERLINK(\"x\")", 3], ["PAY-2", "a, b", 12]] };
    expect(tableCsv(table)).toBe('Card,Title,Days\r\nPAY-1,"\'=HYPERLINK(""x"")",3\r\nPAY-2,"a, b",12\r\n');
  });

  it("gives every cumulative-flow day one count per column in board order, zero when absent", () => {
    const cfd: CumulativeFlowReport = { columns: ["To do", "Doing", "Done"], days: [{ date: "2026-11-02", counts: { "To do": 4, Done: 1 } }] };
    expect(cfdTable(cfd)).toEqual({ columns: ["Date", "To do", "Doing", "Done"], rows: [["2026-11-02", 4, 0, 1]] });
  });

  it("labels each burndown step and links its card", () => {
    const report: BurndownReport = {
      sprintId: "s1",
      name: "Sprint 1",
      committed: 8,
      start: "2026-11-02T09:00:00.000Z",
      end: "2026-11-16T09:00:00.000Z",
      completedAt: null,
      series: [
        { at: "2026-11-02T09:00:00.000Z", remaining: 8, scope: 8, completed: 0, change: "start" },
        { at: "2026-11-03T10:30:00.000Z", remaining: 11, scope: 11, completed: 0, change: "added", cardKey: "PAY-9", points: 3 },
      ],
      guideline: [],
      burnup: [],
    };
    const table = burndownTable(report);
    expect(table.rows).toEqual([
      ["2026-11-02 09:00 UTC", "Sprint started", "", "", 8, 0, 8],
      ["2026-11-03 10:30 UTC", "Added", "PAY-9", 3, 11, 0, 11],
    ]);
    expect(table.columns[table.cardColumn!]).toBe("Card");
  });

  it("states forecast counts as 'N or more' and dates as they are", () => {
    const base = { today: "2026-11-02", trials: 10_000, window: { from: "2026-09-03", to: "2026-11-01" } };
    const until: ForecastReport = { ...base, kind: "until", until: "2026-12-01", percentiles: { p50: 20, p70: 17, p85: 14, p95: 11 } };
    const items: ForecastReport = { ...base, kind: "items", items: 10, percentiles: { p50: "2026-11-20", p70: "2026-11-24", p85: "2026-11-28", p95: null } };
    expect(forecastTable(until).rows[2]).toEqual(["85 %", "14 or more"]);
    expect(forecastTable(items).rows).toEqual([["50 %", "2026-11-20"], ["70 %", "2026-11-24"], ["85 %", "2026-11-28"], ["95 %", "–"]]);
    expect(forecastTable(items).columns[1]).toBe("10 cards done by");
  });

  it("shows instants in UTC to the minute", () => {
    expect(instant("2026-11-02T23:59:59.999Z")).toBe("2026-11-02 23:59 UTC");
  });
});
