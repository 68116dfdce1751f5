// The two Monte Carlo forecasts: when N cards will be done, and how many by a date. Their inputs
// are GET forms, so the question lives in the URL like the filters.
import Form from "next/form";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ForecastReport } from "@/lib/domain/reports/types";
import { ChartPanel } from "./chart-panel";
import { DEFINITIONS } from "./definitions";
import { forecastTable, PERCENTILES } from "./report-table";

type Props = {
  projectKey: string;
  byItems: ForecastReport;
  /** Null until a date is asked. */
  byDate: ForecastReport | null;
  /** The page's other query parameters, carried along when a forecast is asked. */
  query: Record<string, string>;
};

function Ask({ projectKey, query, field, children }: { projectKey: string; query: Record<string, string>; field: string; children: ReactNode }) {
  return (
    <Form action={`/${projectKey}/reports`} scroll={false} className="flex flex-wrap items-end gap-2">
      {Object.entries(query)
        .filter(([key]) => key !== field)
        .map(([key, value]) => <input key={key} type="hidden" name={key} value={value} />)}
      {children}
      <Button type="submit" size="md">Forecast</Button>
    </Form>
  );
}

function Results({ report }: { report: ForecastReport }) {
  const rows = forecastTable(report).rows;
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {PERCENTILES.map((p, index) => (
        <div key={p} className="rounded-lg border border-border bg-surface-2 px-3 py-2">
          <dt className="text-xs text-muted">{rows[index]![0]} likely</dt>
          <dd className="text-sm font-semibold whitespace-nowrap tabular-nums">{rows[index]![1]}</dd>
        </div>
      ))}
    </dl>
  );
}

const windowNote = (report: ForecastReport) => `Throughput of ${report.window.from} to ${report.window.to}, ${report.trials.toLocaleString("en")} trials.`;

export function ForecastPanels({ projectKey, byItems, byDate, query }: Props) {
  const noHistory = (report: ForecastReport) =>
    report.percentiles.p50 === null ? { title: "Nothing finished in the window", description: "Forecasts resample past daily throughput: finish a few cards (move them to a done column), then ask again." } : null;
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <ChartPanel
        id="forecast-items"
        title={`When will ${byItems.items} cards be done?`}
        definition={DEFINITIONS.forecastItems}
        table={forecastTable(byItems)}
        projectKey={projectKey}
        empty={noHistory(byItems)}
        controls={
          <Ask projectKey={projectKey} query={query} field="items">
            <label className="flex flex-col gap-1 text-xs text-muted">
              Cards to finish
              <Input name="items" type="number" min={1} max={10000} defaultValue={byItems.items} className="w-28" />
            </label>
          </Ask>
        }
      >
        <Results report={byItems} />
        <p className="text-xs text-muted">{windowNote(byItems)}</p>
      </ChartPanel>
      <ChartPanel
        id="forecast-until"
        title={byDate ? `How many cards by ${byDate.until}?` : "How many cards by a date?"}
        definition={DEFINITIONS.forecastUntil}
        table={byDate ? forecastTable(byDate) : { columns: [], rows: [] }}
        projectKey={projectKey}
        empty={byDate ? noHistory(byDate) : { title: "Pick a date", description: "Choose the day you need the work by (a release, a review) and select Forecast." }}
        controls={
          <Ask projectKey={projectKey} query={query} field="until">
            <label className="flex flex-col gap-1 text-xs text-muted">
              Finished by
              <Input name="until" type="date" required defaultValue={byDate?.until} className="w-40" />
            </label>
          </Ask>
        }
      >
        {byDate ? (
          <>
            <Results report={byDate} />
            <p className="text-xs text-muted">{windowNote(byDate)}</p>
          </>
        ) : null}
      </ChartPanel>
    </div>
  );
}
