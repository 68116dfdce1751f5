import type { Percentiles } from "./types";

/**
 * Nearest-rank percentile: the smallest value with at least p % of the values at or below it,
 * i.e. the ⌈p/100 · n⌉-th smallest. Null for no values. The same rule for every report.
 */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const PERCENTILE_LEVELS = [50, 70, 85, 95] as const;

/** p50, p70, p85 and p95 of the values, by nearest rank. */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => nearestRank(sorted, p);
  return { p50: at(50), p70: at(70), p85: at(85), p95: at(95) };
}

/**
 * Median as Four Keys computes it (BigQuery `PERCENTILE_CONT(x, 0.5)`, dora-team/fourkeys METRICS.md):
 * the middle value, or the mean of the two middle values for an even count. Null for no values. The
 * delivery (DORA) measures use it so their numbers compare with Four Keys and the DORA research; the
 * flow reports keep the nearest-rank p50 above.
 */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
