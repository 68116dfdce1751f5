// Words and dates for sprints. Sprint dates are calendar days stored at UTC midnight, so they are
// formatted in UTC: the server and every browser then print the same day.
const day = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });

export function sprintDates(start: string | null, end: string | null): string | null {
  if (!start && !end) return null;
  return `${start ? day.format(new Date(start)) : "no start"} – ${end ? day.format(new Date(end)) : "no end"}`;
}

export const pts = (points: number) => `${points} pt${points === 1 ? "" : "s"}`;

export const STATE_LABELS = { planned: "Planned", active: "Active", closed: "Closed" } as const;

/** "2026-03-02" for a date input, from a stored timestamp. */
export const dateInputValue = (iso: string | null) => (iso ? iso.slice(0, 10) : "");
