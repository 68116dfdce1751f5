"use client";
// Cycle-time scatterplot: each finished card at its finish date and cycle time in days, against
// the percentile lines. Clicking a dot (the outliers above p85 stand out) opens the card.
import { useRouter } from "next/navigation";
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { CycleTimeReport } from "@/lib/domain/reports/types";
import { axisProps, CHART_HEIGHT, COLORS, shortDate, tooltipProps } from "./chart-kit";
import { percentileLines } from "./percentile-lines";

type Point = { key: string; title: string; t: number; days: number };

export function CycleTimeChart({ report, projectKey }: { report: CycleTimeReport; projectKey: string }) {
  const router = useRouter();
  const p85 = report.percentiles.p85 ?? Infinity;
  const points = report.items.map((item) => ({ key: item.key, title: item.title, t: Date.parse(item.finished), days: item.days }));
  const open = (point: { payload?: Point }) => {
    if (point.payload) router.push(`/${projectKey}/cards/${point.payload.key}`);
  };
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT + 40}>
      <ScatterChart title="Cycle time in days of each finished card, by finish date" margin={{ top: 8, right: 56, bottom: 0, left: -16 }}>
        <CartesianGrid stroke={COLORS.border} strokeDasharray="3 3" />
        <XAxis {...axisProps} dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickCount={6} tickFormatter={shortDate} name="Finished" />
        <YAxis {...axisProps} dataKey="days" type="number" allowDecimals={false} name="Days" />
        <Tooltip {...tooltipProps} formatter={(value, name) => (name === "Finished" ? shortDate(Number(value)) : value)} />
        {percentileLines(report.percentiles)}
        <Scatter name="Within p85" data={points.filter((point) => point.days <= p85)} fill={COLORS.accent} onClick={open} cursor="pointer" isAnimationActive={false} />
        <Scatter name="Above p85" data={points.filter((point) => point.days > p85)} fill={COLORS.danger} onClick={open} cursor="pointer" isAnimationActive={false} />
      </ScatterChart>
    </ResponsiveContainer>
  );
}
