import { z } from "zod";
import { daysBetween } from "@/lib/domain/reports/dates";
import { cardTypeSchema } from "./cards";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use an ISO date, YYYY-MM-DD.")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "Not a calendar date.");

/** The longest range a report covers (about five years), so one request cannot ask for centuries of days. */
export const MAX_RANGE_DAYS = 1_900;

const range = { from: day.optional(), to: day.optional() };
const filters = {
  ...range,
  type: cardTypeSchema.optional(),
  label: z.string().trim().min(1).max(100).optional(),
  epic: z.string().trim().toUpperCase().regex(/^[A-Z][A-Z0-9]*-\d+$/, "An epic's card key, e.g. PAY-12.").optional(),
  assignee: z.string().trim().min(1).max(100).optional(),
};

/** Date range (days in the project's time zone, both included; defaults chosen per report) and filters, plus a report's own fields. */
type Days = { from?: string; to?: string };
function withRange<S extends z.ZodRawShape, B extends z.ZodRawShape = typeof filters>(shape: S, base: B = filters as unknown as B) {
  return z
    .object({ ...base, ...shape })
    .refine((query) => ((q: Days) => !q.from || !q.to || q.from <= q.to)(query as Days), { path: ["to"], message: "`to` must not be before `from`." })
    .refine((query) => ((q: Days) => !q.from || !q.to || daysBetween(q.from, q.to) < MAX_RANGE_DAYS)(query as Days), { path: ["to"], message: `A report covers at most ${MAX_RANGE_DAYS} days.` });
}

export const reportQuerySchema = withRange({});

/** The delivery report measures deployments, not cards: a range only. */
export const deliveryQuerySchema = withRange({}, range);
export type DeliveryRequest = z.output<typeof deliveryQuerySchema>;
export type ReportRequest = z.output<typeof reportQuerySchema>;

export const throughputQuerySchema = withRange({ interval: z.enum(["day", "week"], { message: "`interval` is day or week." }).default("day") });

export const velocityQuerySchema = withRange({ last: z.coerce.number().int().min(1).max(50).default(10) });

export const forecastQuerySchema = withRange({
  items: z.coerce.number().int().min(1, "At least 1 card.").max(10_000).optional(),
  until: day.optional(),
}).refine((query) => (query.items === undefined) !== (query.until === undefined), { path: ["items"], message: "Give either `items` (how many cards) or `until` (a date), not both." });
