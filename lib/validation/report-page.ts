import { z } from "zod";
import { cardTypeSchema } from "./cards";
import { cardKeySchema, idSchema } from "./common";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

/**
 * The Reports page's query string: the date range and filters every report shares, and each
 * report's own choice (sprint, interval, forecast inputs). A value that does not parse is
 * dropped rather than failing the page: the URL is the user's to edit, and the default applies.
 */
export const reportPageQuery = z.object({
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  type: cardTypeSchema.optional().catch(undefined),
  label: z.string().trim().min(1).max(50).optional().catch(undefined),
  epic: cardKeySchema.optional().catch(undefined),
  assignee: z.string().trim().min(1).max(64).optional().catch(undefined),
  sprint: idSchema.optional().catch(undefined),
  interval: z.enum(["day", "week"]).default("week").catch("week"),
  items: z.coerce.number().int().min(1).max(10_000).default(10).catch(10),
  until: day.optional().catch(undefined),
});
export type ReportPageQuery = z.output<typeof reportPageQuery>;

/** The filter keys the filters bar sets; every report reads them. */
export const REPORT_FILTER_KEYS = ["from", "to", "type", "label", "epic", "assignee"] as const;
