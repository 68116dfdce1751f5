// The one way dates read in the app: relative ("3 h ago", "in 2 d") with the exact time on hover
// ("5 Dec 2026, 14:03"). Pure: callers pass "now".

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min ago", "3 h ago", "2 d ago", then the date ("4 Nov 2026"); future times read "in …". */
export function formatRelative(at: Date, now: Date): string {
  const delta = now.getTime() - at.getTime();
  const span = Math.abs(delta);
  const say = (amount: string) => (delta >= 0 ? `${amount} ago` : `in ${amount}`);
  if (span < MINUTE) return "just now";
  if (span < HOUR) return say(`${Math.floor(span / MINUTE)} min`);
  if (span < DAY) return say(`${Math.floor(span / HOUR)} h`);
  if (span < 30 * DAY) return say(`${Math.floor(span / DAY)} d`);
  return formatDate(at);
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const exactFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });

/** "4 Nov 2026", in the viewer's time zone. */
export function formatDate(at: Date): string {
  return dateFormat.format(at);
}

/** "4 Nov 2026, 14:03", in the viewer's time zone. */
export function formatExact(at: Date): string {
  return exactFormat.format(at);
}
