"use client";
// The board is optimistic, but the server decides: a move shows at once (a pending move replayed
// on top of the server's board), is sent with the card's version, and rolls back when refused
// (the pending move is dropped; the server's board never had it).
//
// Pending moves are plain state rather than useOptimistic: React recomputes an optimistic value on
// every render while its transition is pending, a new object each time, which would re-run the
// whole layout (and its identity checks) on every drag frame.
import { useCallback, useMemo, useState } from "react";
import { toast } from "sonner";
import { moveCardAction } from "@/lib/actions/board";
import { applyMove, stabilize } from "@/components/board/board-layout";
import type { OverrideRequest } from "@/components/dod/override-dialog";
import type { BoardData, CardMove } from "@/components/board/types";
import { wipRefusalMessage } from "@/components/board/wip";

type PendingMove = { id: number; move: CardMove; at: number };
/** A move refused for an unmet Definition of Done, which the mover may repeat with a reason. */
type Overridable = { move: CardMove; version: number; unmet: string[] };

let nextPendingId = 0;

function refusalText(code: string, message: string, details: unknown): string {
  const wip = details as { column?: string; limit?: number; count?: number } | undefined;
  if (code === "WIP_LIMIT_EXCEEDED" && wip?.column && typeof wip.limit === "number" && typeof wip.count === "number") {
    return wipRefusalMessage({ column: wip.column, limit: wip.limit, count: wip.count });
  }
  return message;
}

/** Server data with unchanged cards kept by identity across refreshes (see `stabilize`). */
function useStableBoard(board: BoardData): BoardData {
  const [state, setState] = useState({ source: board, stable: board });
  if (state.source !== board) {
    const next = { source: board, stable: stabilize(board, state.stable) };
    setState(next);
    return next.stable;
  }
  return state.stable;
}

function unmetItems(details: unknown): string[] {
  const items = (details as { items?: Array<{ text?: unknown }> } | undefined)?.items;
  return Array.isArray(items) ? items.map((item) => String(item.text)) : [];
}

/**
 * `reload` fetches the server's board into the base state. A successful move stays pending until
 * that fresh board (which has it) is in, so the card never flickers back; replaying it on a board
 * that already has it changes nothing (`applyMove` is idempotent). `canOverride` (product owners
 * and admins) offers "Move anyway…" when the Definition of Done refuses a move.
 */
export function useBoardMoves(liveBoard: BoardData, reload: () => Promise<void>, canOverride: boolean) {
  const base = useStableBoard(liveBoard);
  const [pending, setPending] = useState<PendingMove[]>([]);
  const [overridable, setOverridable] = useState<Overridable | null>(null);
  const board = useMemo(() => pending.reduce((state, { move, at }) => applyMove(state, move, new Date(at)), base), [base, pending]);

  /**
   * Shows the move now and persists it; `warning` (a soft WIP breach) is shown once it is saved.
   * Resolves with the refusal's message, or null when the move was saved.
   */
  const move = useCallback(
    async (move: CardMove, version: number, warning: string | null, override?: { reason: string }): Promise<string | null> => {
      const id = ++nextPendingId;
      setPending((list) => [...list, { id, move, at: Date.now() }]);
      try {
        const result = await moveCardAction({ ...move, version, override });
        if (result.ok) {
          if (warning) toast.warning(warning);
          await reload();
          return null;
        }
        if (result.code === "VERSION_CONFLICT") {
          toast.error(`${move.cardKey} was changed by someone else. The board now shows its latest state; try again.`);
          await reload();
        } else if (override) {
          // The override dialog shows this refusal itself.
        } else if (result.code === "DOD_INCOMPLETE" && canOverride) {
          const request = { move, version, unmet: unmetItems(result.details) };
          toast.error(`${move.cardKey} was not moved`, { description: result.message, action: { label: "Move anyway…", onClick: () => setOverridable(request) } });
        } else {
          toast.error(`${move.cardKey} was not moved`, { description: refusalText(result.code, result.message, result.details) });
        }
        return result.message;
      } catch {
        // The request itself failed (offline, server restarting): the board shows what it knows.
        toast.error(`${move.cardKey} may not have moved: the server could not be reached.`);
        await reload().catch(() => undefined);
        return "The server could not be reached.";
      } finally {
        setPending((list) => list.filter((entry) => entry.id !== id));
      }
    },
    [reload, canOverride],
  );

  const moveAnyway = useCallback(
    (reason: string) => (overridable ? move(overridable.move, overridable.version, null, { reason }) : Promise.resolve(null)),
    [move, overridable],
  );
  const cancelOverride = useCallback(() => setOverridable(null), []);
  const column = overridable && (base.columns.find((c) => c.id === overridable.move.toColumnId)?.name ?? "Done");
  const request: OverrideRequest | null = overridable && {
    title: `Move ${overridable.move.cardKey} to ${column} anyway?`,
    description: "The Definition of Done is not met. The override and its reason stay on the card.",
    unmet: overridable.unmet,
    confirmLabel: "Move anyway",
  };

  return { board, move, override: { request, moveAnyway, cancel: cancelOverride } };
}
