/**
 * Calendar days in a time zone. A day is a `YYYY-MM-DD` string; instants are Dates. Pure: callers
 * pass "now".
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether the runtime knows this IANA time zone name. */
export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

function parts(instant: Date, timeZone: string) {
  const values = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: Number(values.year), month: Number(values.month), day: Number(values.day), hour: Number(values.hour), minute: Number(values.minute), second: Number(values.second) };
}

/** UTC offsets at the start and end of each UTC day, per zone: reports place thousands of instants. */
const dayOffsets = new Map<string, Map<number, readonly [number, number]>>();

/** The calendar day an instant falls on in the time zone. */
export function dayOf(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  const utcDay = Math.floor(ms / DAY_MS);
  let zone = dayOffsets.get(timeZone);
  if (!zone) dayOffsets.set(timeZone, (zone = new Map()));
  let offsets = zone.get(utcDay);
  if (!offsets) zone.set(utcDay, (offsets = [offset(new Date(utcDay * DAY_MS), timeZone), offset(new Date((utcDay + 1) * DAY_MS - 1000), timeZone)] as const));
  // The same offset all day (no DST change that UTC day): plain arithmetic; otherwise ask Intl.
  const shift = offsets[0] === offsets[1] ? offsets[0] : offset(instant, timeZone);
  return new Date(ms + shift).toISOString().slice(0, 10);
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** `day` plus `n` calendar days. */
export function addDays(day: string, n: number): string {
  return fromDayNumber(dayNumber(day) + n);
}

/** Calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++) days.push(fromDayNumber(n));
  return days;
}

/** The Monday starting the ISO week of `day`. */
export function isoWeekStart(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/** How far the time zone's wall clock is ahead of UTC at an instant, in ms. */
function offset(instant: Date, timeZone: string): number {
  const p = parts(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a calendar day starts in the time zone (its first moment, DST-aware). */
export function startOfDay(day: string, timeZone: string): Date {
  const wall = dayNumber(day) * DAY_MS;
  let guess = wall - offset(new Date(wall), timeZone);
  // A second pass settles days whose offset differs from the one at UTC midnight (DST changes).
  guess = wall - offset(new Date(guess), timeZone);
  return new Date(guess);
}
