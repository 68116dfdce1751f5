"use client";
// A sprint's burndown (remaining against the guideline, scope changes marked) and burnup
// (completed against scope), drawn from the server's step series.
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import type { BurndownReport } from "@/lib/domain/reports/types";
import { axisProps, CHART_HEIGHT, COLORS, legendProps, shortDate, tooltipProps } from "./chart-kit";

const SCOPE_CHANGES = new Set(["added", "removed", "estimate", "reopened"]);

export function BurndownChart({ report }: { report: BurndownReport }) {
  const steps = report.series.map((step) => ({ ...step, t: Date.parse(step.at) }));
  // The last step holds until the sprint closed, or its planned end.
  const last = steps.at(-1);
  const until = Date.parse(report.completedAt ?? report.end);
  if (last && until > last.t) steps.push({ ...last, t: until, change: last.change, cardKey: undefined });
  const guideline = report.guideline.map((point) => ({ t: Date.parse(point.at), guideline: point.remaining }));
  const changes = steps.filter((step) => SCOPE_CHANGES.has(step.change));
  const domain = [Date.parse(report.start), Math.max(Date.parse(report.end), until)];
  const xAxis = <XAxis {...axisProps} dataKey="t" type="number" scale="time" domain={domain} tickFormatter={shortDate} allowDuplicatedCategory={false} />;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <figure className="min-w-0">
        <figcaption className="mb-1 text-xs font-medium text-muted">Burndown: points remaining</figcaption>
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <ComposedChart title={`Burndown of ${report.name}: points remaining`} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid stroke={COLORS.border} strokeDasharray="3 3" />
            {xAxis}
            <YAxis {...axisProps} allowDecimals={false} />
            <Tooltip {...tooltipProps} labelFormatter={(t) => shortDate(Number(t))} />
            <Legend {...legendProps} />
            <Line data={guideline} dataKey="guideline" name="Guideline" stroke={COLORS.muted} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
            <Line data={steps} dataKey="remaining" name="Remaining" type="stepAfter" stroke={COLORS.accent} strokeWidth={2} dot={false} isAnimationActive={false} />
            <Scatter data={changes} dataKey="remaining" name="Scope change" fill={COLORS.warning} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </figure>
      <figure className="min-w-0">
        <figcaption className="mb-1 text-xs font-medium text-muted">Burnup: points completed against scope</figcaption>
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <ComposedChart data={steps} title={`Burnup of ${report.name}: points completed against scope`} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid stroke={COLORS.border} strokeDasharray="3 3" />
            {xAxis}
            <YAxis {...axisProps} allowDecimals={false} />
            <Tooltip {...tooltipProps} labelFormatter={(t) => shortDate(Number(t))} />
            <Legend {...legendProps} />
            <Line dataKey="scope" name="Scope" type="stepAfter" stroke={COLORS.warning} strokeWidth={2} dot={false} isAnimationActive={false} />
            <Line dataKey="completed" name="Completed" type="stepAfter" stroke={COLORS.success} strokeWidth={2} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
