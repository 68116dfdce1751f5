import { BarChart3 } from "lucide-react";
import type { Metadata } from "next";
import { AgingChart } from "@/components/reports/aging-chart";
import { BurndownPanel } from "@/components/reports/burndown-panel";
import { CfdChart } from "@/components/reports/cfd-chart";
import { ChartPanel } from "@/components/reports/chart-panel";
import { CycleTimeChart } from "@/components/reports/cycle-time-chart";
import { DEFINITIONS } from "@/components/reports/definitions";
import { ForecastPanels } from "@/components/reports/forecast-panels";
import { PercentileSummary } from "@/components/reports/percentile-summary";
import { ReportFilters } from "@/components/reports/report-filters";
import { ReportSelect } from "@/components/reports/report-select";
import { agingTable, cfdTable, cycleTimeTable, throughputTable, velocityTable } from "@/components/reports/report-table";
import { ThroughputChart } from "@/components/reports/throughput-chart";
import { VelocityChart } from "@/components/reports/velocity-chart";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { CardTypeName, ReportQuery } from "@/lib/domain/reports/types";
import { backlogFacets, listEpics } from "@/lib/server/queries/backlog";
import { projectForPage } from "@/lib/server/queries/project-page";
import { listSprints } from "@/lib/server/queries/sprints";
import * as reports from "@/lib/server/services/reports";
import { parseInput } from "@/lib/validation/common";
import { reportPageQuery } from "@/lib/validation/report-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reports" };

type Props = { params: Promise<{ projectKey: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Without a range in the URL the reports cover the last 90 days. */
const DEFAULT_DAYS = 90;

export default async function ReportsPage({ params, searchParams }: Props) {
  const { project } = await projectForPage((await params).projectKey);
  const access = { projectId: project.id, projectKey: project.key, teamId: project.team.id, role: project.role };
  const raw = Object.fromEntries(Object.entries(await searchParams).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : Array.isArray(value) && value[0] ? [[key, value[0]]] : [])));
  const page = parseInput(reportPageQuery, raw);
  const url = page.success ? page.data : reportPageQuery.parse({});
  const now = Date.now();
  const to = url.to ?? isoDay(now);
  const from = url.from ?? isoDay(Date.parse(to) - (DEFAULT_DAYS - 1) * DAY_MS);
  const query: ReportQuery = { from, to, type: url.type?.toUpperCase() as CardTypeName | undefined, label: url.label, epic: url.epic, assignee: url.assignee };
  const until = url.until ?? isoDay(now + 30 * DAY_MS);
  const scrum = project.mode === "scrum";

  const [facets, epics, sprints, cfd, cycle, aging, throughput, byItems, byDate] = await Promise.all([
    backlogFacets(access),
    listEpics(access),
    scrum ? listSprints(access) : Promise.resolve([]),
    reports.cumulativeFlowReport(access, query),
    reports.cycleTimeReport(access, query),
    reports.agingReport(access, query),
    reports.throughputReport(access, query, url.interval),
    reports.forecastReport(access, query, { items: url.items }),
    reports.forecastReport(access, query, { until }),
  ]);
  // The burndown of the sprint asked for, else the running one, else the last closed (listSprints
  // puts the running sprint first and closed ones newest first).
  const started = sprints.filter((sprint) => sprint.state !== "planned");
  const sprint = started.find((candidate) => candidate.id === url.sprint) ?? started[0];
  const [burndown, velocity] = scrum ? await Promise.all([sprint ? reports.burndownReport(access, sprint.id) : null, reports.velocityReport(access, query)]) : [null, null];
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => key in reportPageQuery.shape));

  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-4 py-6 sm:px-6">
      <PageHeader title="Reports" description={`From the recorded history of ${project.key}: ${from} to ${to}.`} />
      <ReportFilters from={from} to={to} labels={facets.labels} members={facets.members.map(({ id, name }) => ({ id, name: name ?? id }))} epics={epics.map(({ key, title }) => ({ key, title }))} />
      {scrum ? (
        <section aria-label="Sprints" className="flex flex-col gap-4">
          {burndown ? (
            <BurndownPanel
              report={burndown}
              projectKey={project.key}
              controls={<ReportSelect param="sprint" label="Sprint" value={sprint!.id} options={started.map(({ id, name }) => [id, name])} />}
            />
          ) : (
            <EmptyState icon={<BarChart3 />} title="No sprint has started yet" description="The burndown and velocity follow sprints: plan cards into a sprint from the backlog and start it." />
          )}
          {velocity ? (
            <ChartPanel
              id="velocity"
              title="Velocity"
              definition={DEFINITIONS.velocity}
              table={velocityTable(velocity)}
              projectKey={project.key}
              summary={
                velocity.average !== null ? (
                  <p className="text-sm text-muted">
                    Average <span className="font-semibold text-foreground tabular-nums">{velocity.average} points</span>
                    {velocity.range ? `, range ${velocity.range.min}–${velocity.range.max}` : null} over {velocity.sprints.length} sprints
                  </p>
                ) : null
              }
              empty={velocity.sprints.length ? null : { title: "No closed sprints in this range", description: "Velocity counts closed sprints: widen the date range, or complete the running sprint." }}
            >
              <VelocityChart report={velocity} />
            </ChartPanel>
          ) : null}
        </section>
      ) : null}
      <section aria-label="Flow" className="flex flex-col gap-4">
        <ChartPanel
          id="cfd"
          title="Cumulative flow"
          definition={DEFINITIONS.cfd}
          table={cfdTable(cfd)}
          projectKey={project.key}
          empty={cfd.days.length ? null : { title: "No days in this range", description: "Choose a start date on or before the end date." }}
        >
          <CfdChart report={cfd} />
        </ChartPanel>
        <div className="grid gap-4 xl:grid-cols-2">
          <ChartPanel
            id="cycle-time"
            title="Cycle time"
            definition={DEFINITIONS.cycleTime}
            table={cycleTimeTable(cycle)}
            projectKey={project.key}
            summary={<PercentileSummary percentiles={cycle.percentiles} label="Cycle time percentiles" />}
            empty={cycle.items.length ? null : { title: "No card finished in this range", description: "Cycle time needs cards that started and finished: widen the date range or clear the filters." }}
          >
            <CycleTimeChart report={cycle} projectKey={project.key} />
          </ChartPanel>
          <ChartPanel
            id="aging"
            title="Ageing work in progress"
            definition={DEFINITIONS.aging}
            table={agingTable(aging)}
            projectKey={project.key}
            empty={aging.items.length ? null : { title: "No work in progress", description: "Every started card is finished. Cards appear here once they enter a started column on the board." }}
          >
            <AgingChart report={aging} columns={cfd.columns} projectKey={project.key} />
          </ChartPanel>
        </div>
        <ChartPanel
          id="throughput"
          title="Throughput"
          definition={DEFINITIONS.throughput}
          table={throughputTable(throughput)}
          projectKey={project.key}
          controls={<ReportSelect param="interval" label="Per" value={url.interval} options={[["week", "ISO week"], ["day", "Day"]]} className="w-32" />}
          empty={throughput.buckets.length ? null : { title: "No days in this range", description: "Choose a start date on or before the end date." }}
        >
          <ThroughputChart report={throughput} />
        </ChartPanel>
      </section>
      <section aria-label="Forecasts">
        <ForecastPanels projectKey={project.key} byItems={byItems} byDate={byDate} query={kept} />
      </section>
    </div>
  );
}
