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
import { backlogFacets, listEpics } from "@/lib/server/queries/backlog";
import { projectForPage } from "@/lib/server/queries/project-page";
import { listSprints } from "@/lib/server/queries/sprints";
import * as reports from "@/lib/server/services/reports";
import { parseInput } from "@/lib/validation/common";
import { REPORT_FILTER_KEYS, REPORT_PAGE_KEYS, reportPageQuery } from "@/lib/validation/report-page";
import { reportQuerySchema, type ReportRequest } from "@/lib/validation/reports";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reports" };

type Props = { params: Promise<{ projectKey: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReportsPage({ params, searchParams }: Props) {
  const { project } = await projectForPage((await params).projectKey);
  const access = { projectId: project.id, projectKey: project.key, teamId: project.team.id, role: project.role };
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(await searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first && REPORT_PAGE_KEYS.includes(key)) raw[key] = first;
  }
  const view = reportPageQuery.parse(raw);
  // The range and filters as the API takes them (the URL spells a type as the board does: "bug").
  // A range that does not hold is said, and the defaults apply.
  const asked = parseInput(reportQuerySchema, { ...Object.fromEntries(REPORT_FILTER_KEYS.map((key) => [key, raw[key]])), type: raw.type?.toUpperCase() });
  const request: ReportRequest = asked.success ? asked.data : {};
  const scrum = project.mode === "scrum";

  const [facets, epics, sprints, cfd, cycle, aging, flow, byItems, byDate] = await Promise.all([
    backlogFacets(access),
    listEpics(access),
    scrum ? listSprints(access) : Promise.resolve([]),
    reports.cumulativeFlow(access, request),
    reports.cycleTime(access, request),
    reports.aging(access, request),
    reports.throughput(access, { ...request, interval: view.interval }),
    reports.forecast(access, { ...request, items: view.items }),
    view.until ? reports.forecast(access, { ...request, until: view.until }) : null,
  ]);
  // The burndown of the sprint asked for, else the running one, else the last closed (listSprints
  // puts the running sprint first and closed ones newest first).
  const started = sprints.filter((sprint) => sprint.state !== "planned");
  const sprint = started.find((candidate) => candidate.id === view.sprint) ?? started[0];
  const [burndown, velocity] = scrum ? await Promise.all([sprint ? reports.burndown(access, sprint.id, request) : null, reports.velocity(access, request)]) : [null, null];
  // The days the reports cover: the URL's, else the service's default range.
  const from = cfd.days[0]?.date ?? "";
  const to = cfd.days.at(-1)?.date ?? "";

  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-4 py-6 sm:px-6">
      <PageHeader title="Reports" description={`From the recorded history of ${project.key}, ${from} to ${to}.`} />
      <div className="flex flex-col gap-2">
        <ReportFilters from={from} to={to} labels={facets.labels} members={facets.members.map(({ id, name }) => ({ id, name: name ?? id }))} epics={epics.map(({ key, title }) => ({ key, title }))} />
        {asked.success ? null : (
          <p role="alert" className="text-sm text-danger">
            {asked.error.issues.map((issue) => issue.message).join(" ")} Showing the default range without filters.
          </p>
        )}
      </div>
      {scrum ? (
        <section aria-label="Sprints" className="flex flex-col gap-4">
          {burndown && sprint ? (
            <BurndownPanel
              report={burndown}
              projectKey={project.key}
              controls={<ReportSelect param="sprint" label="Sprint" value={sprint.id} options={started.map(({ id, name }) => [id, name])} />}
            />
          ) : (
            <EmptyState icon={<BarChart3 />} title="No sprint has started yet" description="The burndown follows a running sprint: plan cards into a sprint from the backlog and start it." />
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
                    {velocity.range ? `, range ${velocity.range.min}–${velocity.range.max}` : null} over the last {velocity.sprints.length} sprints
                  </p>
                ) : null
              }
              empty={velocity.sprints.length ? null : { title: "No sprint closed in this range", description: "Velocity counts closed sprints: widen the date range, or complete the running sprint." }}
            >
              <VelocityChart report={velocity} />
            </ChartPanel>
          ) : null}
        </section>
      ) : null}
      <section aria-label="Flow" className="flex flex-col gap-4">
        <ChartPanel id="cfd" title="Cumulative flow" definition={DEFINITIONS.cfd} table={cfdTable(cfd)} projectKey={project.key}>
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
            empty={aging.items.length ? null : { title: "No work in progress", description: "No started card is unfinished. Cards appear here once they enter a started column on the board." }}
          >
            <AgingChart report={aging} columns={cfd.columns} projectKey={project.key} />
          </ChartPanel>
        </div>
        <ChartPanel
          id="throughput"
          title="Throughput"
          definition={DEFINITIONS.throughput}
          table={throughputTable(flow)}
          projectKey={project.key}
          controls={<ReportSelect param="interval" label="Per" value={view.interval} options={[["week", "ISO week"], ["day", "Day"]]} className="w-32" />}
        >
          <ThroughputChart report={flow} />
        </ChartPanel>
      </section>
      <section aria-label="Forecasts">
        <ForecastPanels projectKey={project.key} byItems={byItems} byDate={byDate} query={raw} />
      </section>
    </div>
  );
}
