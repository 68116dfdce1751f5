"use client";
// Committed against completed points per closed sprint, with the average completed.
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { VelocityReport } from "@/lib/domain/reports/types";
import { axisProps, CHART_HEIGHT, COLORS, legendProps, tooltipProps } from "./chart-kit";

export function VelocityChart({ report }: { report: VelocityReport }) {
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <BarChart data={report.sprints} title="Velocity: committed and completed points per sprint" margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke={COLORS.border} strokeDasharray="3 3" vertical={false} />
        <XAxis {...axisProps} dataKey="name" />
        <YAxis {...axisProps} allowDecimals={false} />
        <Tooltip {...tooltipProps} cursor={{ fill: "var(--color-surface-2)" }} />
        <Legend {...legendProps} />
        <Bar dataKey="committed" name="Committed" fill={COLORS.muted} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        <Bar dataKey="completed" name="Completed" fill={COLORS.accent} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        {report.average !== null ? (
          <ReferenceLine y={report.average} stroke={COLORS.success} strokeDasharray="6 4" label={{ value: `Average ${report.average}`, position: "insideTopRight", fill: COLORS.success, fontSize: 11 }} />
        ) : null}
      </BarChart>
    </ResponsiveContainer>
  );
}
