/** When a card counts as done: exactly while it sits in a column of category DONE. */

export type ColumnCategory = "TODO" | "IN_PROGRESS" | "DONE";

export type CompletionChange = "COMPLETED" | "REOPENED" | null;

/**
 * What moving a card between columns of these categories does to its completion.
 *
 * - Entering DONE from TODO or IN_PROGRESS completes it ("COMPLETED": set `completedAt`).
 * - Leaving DONE for any other category reopens it ("REOPENED": clear `completedAt`).
 * - Anything else changes nothing; DONE → DONE keeps the original completion time, so cycle
 *   time does not restart when a done card is tidied into an archive column.
 */
export function completionChange(from: ColumnCategory, to: ColumnCategory): CompletionChange {
  if (from !== "DONE" && to === "DONE") return "COMPLETED";
  if (from === "DONE" && to !== "DONE") return "REOPENED";
  return null;
}
