"use client";
// Throughput run chart: cards finished per day or ISO week, zeros included.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ThroughputReport } from "@/lib/domain/reports/types";
import { axisProps, CHART_HEIGHT, COLORS, shortDate, tooltipProps } from "./chart-kit";

export function ThroughputChart({ report }: { report: ThroughputReport }) {
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <LineChart data={report.buckets} title={`Throughput: cards finished per ${report.interval}`} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke={COLORS.border} strokeDasharray="3 3" />
        <XAxis {...axisProps} dataKey="start" tickFormatter={shortDate} minTickGap={24} />
        <YAxis {...axisProps} allowDecimals={false} />
        <Tooltip {...tooltipProps} labelFormatter={(start) => `${report.interval === "week" ? "Week of " : ""}${shortDate(String(start))}`} />
        <Line dataKey="count" name="Cards finished" stroke={COLORS.accent} strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
