// Every chart's table alternative as plain rows: the page renders them and the CSV download
// writes the same rows, so the two always hold the same numbers.
import { csvLine } from "@/lib/domain/import/flow-csv";
import type {
  AgingReport,
  BurndownReport,
  CumulativeFlowReport,
  CycleTimeReport,
  ForecastReport,
  Percentiles,
  ThroughputReport,
  VelocityReport,
} from "@/lib/domain/reports/types";

export type Cell = string | number;

export interface ReportTable {
  columns: string[];
  rows: Cell[][];
  /** Index of a column holding card keys, shown as links to the card. */
  cardColumn?: number;
}

export const PERCENTILES = ["p50", "p70", "p85", "p95"] as const;

/** `2026-11-02T09:30:00.000Z` → `2026-11-02 09:30 UTC` (instants are stored in UTC). */
export function instant(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

const CHANGE_LABELS: Record<BurndownReport["series"][number]["change"], string> = {
  start: "Sprint started",
  done: "Finished",
  added: "Added",
  removed: "Removed",
  estimate: "Re-estimated",
  reopened: "Reopened",
};

export function burndownTable(report: BurndownReport): ReportTable {
  return {
    columns: ["When", "Change", "Card", "Points", "Remaining", "Completed", "Scope"],
    rows: report.series.map((step) => [instant(step.at), CHANGE_LABELS[step.change], step.cardKey ?? "", step.points ?? "", step.remaining, step.completed, step.scope]),
    cardColumn: 2,
  };
}

export function velocityTable(report: VelocityReport): ReportTable {
  return { columns: ["Sprint", "Committed", "Completed"], rows: report.sprints.map((sprint) => [sprint.name, sprint.committed, sprint.completed]) };
}

export function cfdTable(report: CumulativeFlowReport): ReportTable {
  return {
    columns: ["Date", ...report.columns],
    rows: report.days.map((day) => [day.date, ...report.columns.map((column) => day.counts[column] ?? 0)]),
  };
}

export function cycleTimeTable(report: CycleTimeReport): ReportTable {
  return {
    columns: ["Card", "Title", "Started", "Finished", "Days", "Hours"],
    rows: report.items.map((item) => [item.key, item.title, instant(item.started), instant(item.finished), item.days, item.hours]),
    cardColumn: 0,
  };
}

export function agingTable(report: AgingReport): ReportTable {
  return {
    columns: ["Card", "Title", "Column", "Age (days)"],
    rows: report.items.map((item) => [item.key, item.title, item.column, item.ageDays]),
    cardColumn: 0,
  };
}

export function throughputTable(report: ThroughputReport): ReportTable {
  return { columns: [report.interval === "week" ? "Week of" : "Day", "Cards finished"], rows: report.buckets.map((bucket) => [bucket.start, bucket.count]) };
}

export function percentileTable(percentiles: Percentiles, unit: string): ReportTable {
  return { columns: ["Percentile", unit], rows: PERCENTILES.map((p) => [p, percentiles[p] ?? "–"]) };
}

/** "items": the day N cards are done by; "until": "N or more" cards by the day. */
export function forecastTable(report: ForecastReport): ReportTable {
  const value = (result: string | number | null) => (result === null ? "–" : report.kind === "until" ? `${result} or more` : result);
  return {
    columns: ["Confidence", report.kind === "items" ? `${report.items} cards done by` : `Cards done by ${report.until}`],
    rows: PERCENTILES.map((p) => [`${p.slice(1)} %`, value(report.percentiles[p])]),
  };
}

export function tableCsv(table: ReportTable): string {
  return [table.columns, ...table.rows].map(csvLine).join("");
}
