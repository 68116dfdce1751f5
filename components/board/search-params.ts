// The board's URL: quick filters (read by the server), swimlanes and the open card (read by the
// client). One schema for both sides; a malformed value is dropped rather than failing the page.
import { z } from "zod";
import { cardKeySchema } from "@/lib/validation/common";
import { cardTypeSchema } from "@/lib/validation/cards";
import { LANE_MODES } from "./board-layout";

const flag = z.literal("1").optional().catch(undefined);
const text = (max: number) => z.string().trim().max(max).optional().catch(undefined).transform((value) => value || undefined);

export const boardSearchSchema = z.object({
  q: text(200),
  assignee: text(64),
  label: text(50),
  type: cardTypeSchema.optional().catch(undefined),
  mine: flag,
  blocked: flag,
  lane: z.enum(LANE_MODES).catch("none").default("none"),
  card: cardKeySchema.optional().catch(undefined),
});
export type BoardSearch = z.output<typeof boardSearchSchema>;

/** Filter keys that narrow the cards on the server (lane and card only change the view). */
export const FILTER_KEYS = ["q", "assignee", "label", "type", "mine", "blocked"] as const;

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

export function parseBoardSearch(raw: RawParams): BoardSearch {
  const entries = raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]);
  return boardSearchSchema.parse(Object.fromEntries(entries));
}
