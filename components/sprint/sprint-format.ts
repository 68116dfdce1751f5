// Words and dates for sprints. Sprint dates are calendar days stored at UTC midnight, so they are
// formatted in UTC: the server and every browser then print the same day.
import { daysUntil } from "@/lib/domain/sprint";

const day = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });

export function sprintDates(start: string | null, end: string | null): string | null {
  if (!start && !end) return null;
  return `${start ? day.format(new Date(start)) : "no start"} – ${end ? day.format(new Date(end)) : "no end"}`;
}

export const pts = (points: number) => `${points} pt${points === 1 ? "" : "s"}`;

export const STATE_LABELS = { planned: "Planned", active: "Active", closed: "Closed" } as const;

/** "2026-03-02" for a date input, from a stored timestamp. */
export const dateInputValue = (iso: string | null) => (iso ? iso.slice(0, 10) : "");

/** "9 days left", "Last day", "2 days over" for `daysUntil(end, now)`. */
export function daysLeftText(days: number): string {
  if (days === 0) return "Last day";
  const n = Math.abs(days);
  return `${n} ${n === 1 ? "day" : "days"} ${days > 0 ? "left" : "over"}`;
}

type SprintTimes = { state: "planned" | "active" | "closed"; startDate: string | null; endDate: string | null; startedAt: string | null; completedAt: string | null };

/**
 * When a sprint runs or ran. A closed sprint shows its actual days (started → completed), and the
 * planned ones beside them, labelled, when it closed before or after its planned end.
 */
export function sprintPeriod(sprint: SprintTimes): string | null {
  const planned = sprintDates(sprint.startDate, sprint.endDate);
  if (sprint.state === "planned") return planned && `Planned ${planned}`;
  if (sprint.state === "active" || !sprint.completedAt) return planned;
  const ran = `Ran ${day.format(new Date(sprint.startedAt ?? sprint.startDate ?? sprint.completedAt))} – ${day.format(new Date(sprint.completedAt))}`;
  const early = sprint.endDate ? daysUntil(new Date(sprint.endDate), new Date(sprint.completedAt)) : 0;
  if (early === 0 || !planned) return ran;
  const n = Math.abs(early);
  return `${ran}, closed ${n} ${n === 1 ? "day" : "days"} ${early > 0 ? "early" : "late"} (planned ${planned})`;
}
