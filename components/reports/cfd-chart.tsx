"use client";
// Cumulative flow: cards in each column at the end of each day, stacked with the finished
// columns at the bottom, so widening bands show work piling up.
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CumulativeFlowReport } from "@/lib/domain/reports/types";
import { axisProps, CHART_HEIGHT, COLORS, legendProps, PALETTE, shortDate, tooltipProps } from "./chart-kit";

export function CfdChart({ report }: { report: CumulativeFlowReport }) {
  const bottomUp = report.columns.map((name, index) => ({ name, color: PALETTE[index % PALETTE.length]! })).reverse();
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT + 40}>
      <AreaChart data={report.days} title="Cumulative flow: cards per column at the end of each day" margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke={COLORS.border} strokeDasharray="3 3" />
        <XAxis {...axisProps} dataKey="date" tickFormatter={shortDate} minTickGap={24} />
        <YAxis {...axisProps} allowDecimals={false} />
        <Tooltip {...tooltipProps} labelFormatter={(date) => shortDate(String(date))} />
        {/* The legend reads in board order, as the columns do on the board. */}
        <Legend {...legendProps} itemSorter={(item) => report.columns.indexOf(String(item.value))} />
        {bottomUp.map((column) => (
          <Area
            key={column.name}
            // A function, not a path: column names may hold dots.
            dataKey={(day: CumulativeFlowReport["days"][number]) => day.counts[column.name] ?? 0}
            name={column.name}
            stackId="flow"
            type="linear"
            stroke={column.color}
            fill={column.color}
            fillOpacity={0.35}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}
