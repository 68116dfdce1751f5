"use client";
// The p50/p70/p85/p95 lines of past cycle times, labelled on the right.
import { ReferenceLine } from "recharts";
import type { Percentiles } from "@/lib/domain/reports/types";
import { COLORS } from "./chart-kit";
import { PERCENTILES } from "./report-table";

const TONES = { p50: COLORS.success, p70: COLORS.info, p85: COLORS.warning, p95: COLORS.danger };

/** Recharts reads its children's elements, so this is a function that returns them, not a component. */
export function percentileLines(percentiles: Percentiles) {
  return PERCENTILES.flatMap((p) => {
    const days = percentiles[p];
    return days === null ? [] : [<ReferenceLine key={p} y={days} stroke={TONES[p]} strokeDasharray="4 4" label={{ value: `${p} ${days}d`, position: "right", fill: TONES[p], fontSize: 11 }} />];
  });
}
