// Shared look of the report charts: theme colours through CSS variables (light and dark follow
// the page), axis and tooltip styles, and date labels.
import type { CSSProperties } from "react";

export const CHART_HEIGHT = 260;

export const COLORS = {
  accent: "var(--color-accent)",
  muted: "var(--color-muted)",
  success: "var(--color-success)",
  warning: "var(--color-warning)",
  danger: "var(--color-danger)",
  info: "var(--color-info)",
  border: "var(--color-border)",
};

/** Series colours in order (cumulative flow columns, forecast bands). */
export const PALETTE = [
  "var(--color-info)",
  "var(--color-accent)",
  "var(--color-type-epic)",
  "var(--color-warning)",
  "var(--color-type-bug)",
  "var(--color-success)",
  "var(--color-muted)",
];

export const axisProps = {
  stroke: COLORS.border,
  tick: { fill: COLORS.muted, fontSize: 11 },
  tickLine: false,
} as const;

export const tooltipProps = {
  contentStyle: {
    background: "var(--color-surface)",
    border: "1px solid var(--color-border)",
    borderRadius: 8,
    fontSize: 12,
    color: "var(--color-foreground)",
  } satisfies CSSProperties,
  labelStyle: { color: "var(--color-muted)" } satisfies CSSProperties,
} as const;

export const legendProps = { wrapperStyle: { fontSize: 12 } } as const;

const dayFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });

/** `YYYY-MM-DD` or an ISO instant or epoch ms → "Nov 2" (UTC, as the server computed it). */
export function shortDate(value: string | number): string {
  const date = typeof value === "number" ? new Date(value) : new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return dayFormat.format(date);
}
