// A sprint's burndown and burnup with its table and CSV; on the Reports tab and the sprint report.
import type { BurndownReport } from "@/lib/domain/reports/types";
import { BurndownChart } from "./burndown-chart";
import { ChartPanel } from "./chart-panel";
import { DEFINITIONS } from "./definitions";
import { burndownTable } from "./report-table";

export function BurndownPanel({ report, projectKey, controls }: { report: BurndownReport; projectKey: string; controls?: React.ReactNode }) {
  return (
    <ChartPanel
      id="burndown"
      title={`Burndown and burnup · ${report.name}`}
      definition={DEFINITIONS.burndown}
      table={burndownTable(report)}
      projectKey={projectKey}
      controls={controls}
      summary={<p className="text-sm text-muted">Committed at start: <span className="font-semibold text-foreground tabular-nums">{report.committed} points</span></p>}
      empty={report.series.length ? null : { title: "This sprint has not started", description: "The burndown begins with the commitment recorded when the sprint starts. Start it from the Sprints tab." }}
    >
      <BurndownChart report={report} />
    </ChartPanel>
  );
}
