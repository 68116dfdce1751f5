"use client";
// Ageing work in progress: each started, unfinished card as a dot in its column at its age,
// over the percentile zones of past cycle times. Clicking a dot opens the card.
import { useRouter } from "next/navigation";
import { CartesianGrid, ReferenceArea, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { AgingReport } from "@/lib/domain/reports/types";
import { axisProps, CHART_HEIGHT, COLORS, tooltipProps } from "./chart-kit";
import { percentileLines } from "./percentile-lines";

type Point = { key: string; title: string; x: number; ageDays: number };

/** Zone fills from the p50 line up: calm to alarming. */
const ZONES = [COLORS.success, COLORS.info, COLORS.warning, COLORS.danger];

export function AgingChart({ report, columns, projectKey }: { report: AgingReport; columns: string[]; projectKey: string }) {
  const router = useRouter();
  // Columns in board order that hold work; dots spread sideways within their column (by position
  // in the list, so the layout is the same on every render).
  const shown = columns.filter((column) => report.items.some((item) => item.column === column));
  const seen = new Map<string, number>();
  const points: Point[] = report.items.map((item) => {
    const n = seen.get(item.column) ?? 0;
    seen.set(item.column, n + 1);
    return { key: item.key, title: item.title, x: shown.indexOf(item.column) + (((n * 7) % 11) - 5) / 16, ageDays: item.ageDays };
  });
  const { p50, p70, p85, p95 } = report.percentiles;
  const top = Math.max(p95 ?? 0, ...points.map((point) => point.ageDays)) + 1;
  const edges = [p50, p70, p85, p95, top];
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT + 40}>
      <ScatterChart title="Age in days of each open card, by column, against past cycle-time percentiles" margin={{ top: 8, right: 56, bottom: 0, left: -16 }}>
        <CartesianGrid stroke={COLORS.border} strokeDasharray="3 3" vertical={false} />
        {ZONES.map((fill, index) => {
          const from = edges[index];
          const to = edges[index + 1];
          return from !== null && from !== undefined && to !== null && to !== undefined ? <ReferenceArea key={index} y1={from} y2={to} fill={fill} fillOpacity={0.08} stroke="none" /> : null;
        })}
        <XAxis
          {...axisProps}
          dataKey="x"
          type="number"
          domain={[-0.5, shown.length - 0.5]}
          ticks={shown.map((_, index) => index)}
          tickFormatter={(index: number) => shown[index] ?? ""}
          interval={0}
          name="Column"
        />
        <YAxis {...axisProps} dataKey="ageDays" type="number" allowDecimals={false} domain={[0, top]} name="Age (days)" />
        <Tooltip {...tooltipProps} content={({ payload }) => <AgeTip point={payload?.[0]?.payload as Point | undefined} />} />
        {percentileLines(report.percentiles)}
        <Scatter
          name="Open cards"
          data={points}
          fill={COLORS.accent}
          cursor="pointer"
          onClick={(point: { payload?: Point }) => point.payload && router.push(`/${projectKey}/cards/${point.payload.key}`)}
          isAnimationActive={false}
        />
      </ScatterChart>
    </ResponsiveContainer>
  );
}

function AgeTip({ point }: { point?: Point }) {
  if (!point) return null;
  return (
    <div style={tooltipProps.contentStyle} className="px-2 py-1">
      <p className="font-mono">{point.key}</p>
      <p className="max-w-56 truncate">{point.title}</p>
      <p className="text-muted">{point.ageDays} days old</p>
    </div>
  );
}
