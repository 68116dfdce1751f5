/** Deployment frequency and its Four Keys bucket (issue 14). */
import { median } from "../reports/percentiles";
import { dayOf, eachDay, isoWeekStart } from "../reports/dates";
import type { DeliveryRange } from "./types";

export type FrequencyBucket = "daily" | "weekly" | "monthly" | "yearly";

export interface DeploymentFrequency {
  /** Successful production deployments per calendar day of the range, two decimals. */
  perDay: number;
  /** The same per 7 days. */
  perWeek: number;
  /** Null when nothing was deployed in the range. */
  bucket: FrequencyBucket | null;
}

const twoDecimals = (n: number) => Math.round(n * 100) / 100;

/**
 * Frequency of the successful production deployments finished at `finishes` (instants outside the
 * range are ignored), with the Four Keys bucket as dora-team/fourkeys computes it (METRICS.md,
 * "Calculating the bucket", and dashboard/fourkeys_dashboard.json), over the range instead of its
 * fixed last three months:
 * - daily: the median number of days with a deployment per week is at least 3;
 * - weekly: the median over weeks of "had a deployment" (1 or 0) is at least 1, i.e. most weeks did;
 * - monthly: the median number of deployments per month is at least 1 (METRICS.md's wording; its
 *   SQL takes that median over week rows, which weighs a month by its weeks);
 * - yearly: anything slower.
 * Medians are interpolated (`median`). Weeks are ISO weeks (Monday start) and months calendar
 * months, counting only the days inside the range, so a range starting mid-week has a short first
 * week, as Four Keys' window does.
 */
export function deploymentFrequency(finishes: readonly Date[], range: DeliveryRange): DeploymentFrequency {
  const days = eachDay(range.from, range.to);
  const deployDays = finishes.map((at) => dayOf(at, range.timeZone)).filter((day) => day >= range.from && day <= range.to);
  const perDay = deployDays.length / days.length;
  return { perDay: twoDecimals(perDay), perWeek: twoDecimals(perDay * 7), bucket: deployDays.length ? fourKeysBucket(days, deployDays) : null };
}

function fourKeysBucket(days: readonly string[], deployDays: readonly string[]): FrequencyBucket {
  const distinctDays = new Set(deployDays);
  const daysDeployedPerWeek = new Map<string, number>();
  const deploymentsPerMonth = new Map<string, number>();
  const monthOf = (day: string) => day.slice(0, 7);
  for (const day of days) {
    const week = isoWeekStart(day);
    daysDeployedPerWeek.set(week, (daysDeployedPerWeek.get(week) ?? 0) + (distinctDays.has(day) ? 1 : 0));
    deploymentsPerMonth.set(monthOf(day), 0);
  }
  for (const day of deployDays) deploymentsPerMonth.set(monthOf(day), deploymentsPerMonth.get(monthOf(day))! + 1);
  const weeks = [...daysDeployedPerWeek.values()];
  if (median(weeks)! >= 3) return "daily";
  if (median(weeks.map((count) => (count > 0 ? 1 : 0)))! >= 1) return "weekly";
  if (median([...deploymentsPerMonth.values()])! >= 1) return "monthly";
  return "yearly";
}
