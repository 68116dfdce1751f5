import { z } from "zod";
import { idSchema } from "./common";

/** The range and filters every report shares, validated by the API's own schema (lib/validation/reports). */
export const REPORT_FILTER_KEYS = ["from", "to", "type", "label", "epic", "assignee"] as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value));

/**
 * The Reports page's own choices beside the shared filters: which sprint's burndown, the
 * throughput interval and the forecasts' questions. A value that does not parse falls back to the
 * default: the URL is the user's to edit, and each choice is a control on the page.
 */
export const reportPageQuery = z.object({
  sprint: idSchema.optional().catch(undefined),
  interval: z.enum(["day", "week"]).default("week").catch("week"),
  items: z.coerce.number().int().min(1).max(10_000).default(10).catch(10),
  until: day.optional().catch(undefined),
});

/** Every query parameter the page reads, carried along by its forms. */
export const REPORT_PAGE_KEYS: readonly string[] = [...REPORT_FILTER_KEYS, ...Object.keys(reportPageQuery.shape)];
