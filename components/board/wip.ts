// The board's reading of WIP limits: the domain rule (lib/domain/wip) applied to a column as the
// board shows it, and the sentence people see when a column refuses a card.
import { checkWip, type WipRefusal } from "@/lib/domain/wip";
import type { BoardColumn, WipMode } from "./types";

/** "Review is at its WIP limit (3/3)": `details.count` counts the card that tried to enter. */
export function wipRefusalMessage(details: Pick<WipRefusal, "column" | "limit" | "count">): string {
  const current = details.count - 1;
  return `${details.column} is ${current > details.limit ? "over" : "at"} its WIP limit (${current}/${details.limit})`;
}

export type EntryCheck = { allowed: true; warning: string | null } | { allowed: false; reason: string };

/**
 * May a card coming from `fromColumnId` enter `column`? Counts are the column's unfiltered total,
 * so filters and swimlanes never hide cards from the limit.
 */
export function checkEntry(column: BoardColumn, fromColumnId: string, mode: WipMode): EntryCheck {
  const entering = column.id !== fromColumnId;
  const result = checkWip({ column, countAfterMove: column.count + (entering ? 1 : 0), mode, cardAlreadyInColumn: !entering });
  if (!result.allowed) return { allowed: false, reason: wipRefusalMessage(result.details) };
  const warning = result.breach ? `${column.name} is now over its WIP limit (${column.count + 1}/${column.wipLimit})` : null;
  return { allowed: true, warning };
}
