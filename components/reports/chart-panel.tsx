// One report: its title, its definition, the chart, and the table alternative with its CSV.
import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/utils/cn";
import { DataTable } from "./data-table";
import { DownloadCsv } from "./download-csv";
import type { ReportTable } from "./report-table";

type Props = {
  id: string;
  title: string;
  /** The definition the figures follow (issue 13), shown next to the chart. */
  definition: ReactNode;
  table: ReportTable;
  projectKey: string;
  /** Figures worth reading at a glance (percentiles, average). */
  summary?: ReactNode;
  /** Shown instead of the chart and table when there is nothing to plot: say what to do. */
  empty?: { title: string; description: ReactNode } | null;
  /** Controls of this report (interval, sprint, forecast inputs). */
  controls?: ReactNode;
  className?: string;
  children: ReactNode;
};

export function ChartPanel({ id, title, definition, table, projectKey, summary, empty, controls, className, children }: Props) {
  return (
    <Card aria-labelledby={`${id}-title`} data-report={id} className={cn("min-w-0", className)}>
      <CardHeader>
        <CardTitle id={`${id}-title`}>{title}</CardTitle>
        <CardDescription>{definition}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {controls}
        {empty ? (
          <EmptyState size="sm" title={empty.title} description={empty.description} />
        ) : (
          <>
            {summary}
            {/* Size containment: a chart drawn at a wider size never widens the page while it
                re-measures (a phone rotated, a window narrowed); it redraws to fit. */}
            <div className="@container w-full overflow-hidden">{children}</div>
            <details>
              <summary aria-label={`Show table: ${title}`} className="w-fit cursor-pointer rounded-md px-1 text-sm font-medium text-accent hover:underline">
                Show table
              </summary>
              <div className="mt-2">
                <DataTable table={table} caption={title} projectKey={projectKey} />
              </div>
            </details>
            <div className="flex justify-end">
              <DownloadCsv table={table} filename={`${projectKey}-${id}`} title={title} />
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}
