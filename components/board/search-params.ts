// The board's URL: the quick filters (the same names and schema as GET /api/v1/projects/{key}/board),
// the swimlane mode and the open card. One schema for server and client; a malformed value is
// dropped rather than failing the page.
import { z } from "zod";
import { boardFiltersQuery } from "@/lib/validation/board";
import { cardKeySchema, parseInput } from "@/lib/validation/common";
import { LANE_MODES } from "./board-layout";

export const boardSearchSchema = boardFiltersQuery.extend({
  lane: z.enum(LANE_MODES).default("none"),
  card: cardKeySchema.optional(),
});
export type BoardSearch = z.output<typeof boardSearchSchema>;

/** URL changes: a value sets the param, null removes it. */
export type BoardSearchChanges = Partial<Record<keyof BoardSearch, string | null>>;

/** Params that narrow the cards on the server; lane and card only change the view. */
export const FILTER_KEYS = ["q", "assigneeId", "label", "type", "mine", "blocked"] as const;

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

export function parseBoardSearch(raw: RawParams): BoardSearch {
  const entries = raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]);
  const params = Object.fromEntries(entries.filter(([, value]) => value !== undefined && value !== ""));
  const parsed = parseInput(boardSearchSchema, params);
  if (parsed.success) return parsed.data;
  const invalid = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  return boardSearchSchema.parse(Object.fromEntries(Object.entries(params).filter(([key]) => !invalid.has(key))));
}
