/** Work-in-progress limits: whether cards may enter a column, and how full it looks. */

export type WipMode = "HARD" | "SOFT";

export interface WipColumn {
  id: string;
  name: string;
  /** Maximum cards in the column; `null` means no limit. `0` is a real limit: nothing may enter. */
  wipLimit: number | null;
}

export interface WipCheck {
  column: WipColumn;
  /**
   * Cards in the column once the move is done, counting the moved card(s).
   * For a multi-card move, count every card that ends up in the column.
   */
  countAfterMove: number;
  mode: WipMode;
  /**
   * True when the move only reorders cards already in this column. For a
   * multi-card move, true only if every moved card is already here.
   */
  cardAlreadyInColumn: boolean;
  /**
   * False when the moved card does not count toward the column's limit (see `countsTowardWip`):
   * it may always enter, and never breaches. Default true.
   */
  countsTowardLimit?: boolean;
}

export interface WipRefusal {
  columnId: string;
  column: string;
  limit: number;
  count: number;
}

export type WipResult =
  | {
      allowed: true;
      /** The move brings a card into a column that is then over its limit (SOFT mode only). */
      breach: boolean;
    }
  | { allowed: false; reason: string; details: WipRefusal };

/**
 * Decides whether a move may put cards into `column`. Never throws.
 *
 * - Reordering inside the column never counts as entering: always allowed,
 *   never a breach, even when the column is already over its limit (a limit
 *   lowered after the fact must not freeze the column).
 * - No limit (`wipLimit: null`), or a card outside the limit's scope: always allowed.
 * - Entering with `countAfterMove <= wipLimit`: allowed. Reaching the limit
 *   exactly is fine; only going over it is a breach.
 * - Entering with `countAfterMove > wipLimit`: HARD refuses with a readable
 *   reason and the numbers; SOFT allows and reports `breach: true`.
 */
export function checkWip({ column, countAfterMove, mode, cardAlreadyInColumn, countsTowardLimit = true }: WipCheck): WipResult {
  const limit = column.wipLimit;
  if (cardAlreadyInColumn || !countsTowardLimit || limit === null || countAfterMove <= limit) {
    return { allowed: true, breach: false };
  }
  if (mode === "SOFT") {
    return { allowed: true, breach: true };
  }
  return {
    allowed: false,
    reason: `"${column.name}" has a WIP limit of ${limit}; this move would make it ${countAfterMove}.`,
    details: { columnId: column.id, column: column.name, limit, count: countAfterMove },
  };
}

export type WipState = "under" | "at" | "over";

/**
 * Fill state for a column header: "under" below the limit (or with no limit),
 * "at" exactly on it, "over" above it.
 */
export function wipState(count: number, limit: number | null): WipState {
  if (limit === null || count < limit) return "under";
  return count === limit ? "at" : "over";
}

export type BoardMode = "KANBAN" | "SCRUM";

/**
 * The cards a board's columns count, and so their WIP limits cover: the cards the board shows.
 * Every card of a Kanban board; on a Scrum board only the cards of the active sprint (`sprintId`),
 * and none while no sprint is active (`sprintId: null`). Epics are never on a board (their
 * children carry them as badges), so they never count.
 */
export type WipScope = { kind: "all" } | { kind: "sprint"; sprintId: string | null };

export function wipScope(mode: BoardMode, activeSprintId: string | null): WipScope {
  return mode === "SCRUM" ? { kind: "sprint", sprintId: activeSprintId } : { kind: "all" };
}

/** Whether a card is one its column counts under `scope`. A Scrum board without an active sprint counts none. */
export function countsTowardWip(scope: WipScope, card: { sprintId: string | null; type: string }): boolean {
  if (card.type.toUpperCase() === "EPIC") return false;
  return scope.kind === "all" || (scope.sprintId !== null && card.sprintId === scope.sprintId);
}
