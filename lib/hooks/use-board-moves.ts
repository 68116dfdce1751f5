"use client";
// The board is optimistic, but the server decides: a move shows at once, is sent with the card's
// version, and rolls back by itself when refused (the optimistic state ends with the transition,
// and the server's board never had the move).
import { useCallback, useOptimistic, useState, useTransition } from "react";
import { toast } from "sonner";
import { moveCardAction } from "@/lib/actions/board";
import { applyMove, stabilize } from "@/components/board/board-layout";
import type { BoardData, CardMove } from "@/components/board/types";
import { wipRefusalMessage } from "@/components/board/wip";

type PendingMove = { move: CardMove; at: number };

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

/**
 * `reload` fetches the server's board into the base state; awaiting it inside the move's transition
 * keeps the optimistic move on screen until the fresh board (which has it) replaces it.
 */
export function useBoardMoves(liveBoard: BoardData, reload: () => Promise<void>) {
  const [, startTransition] = useTransition();
  const [optimistic, addMove] = useOptimistic(useStableBoard(liveBoard), (state: BoardData, pending: PendingMove) => applyMove(state, pending.move, new Date(pending.at)));

  /** Shows the move now and persists it; `warning` (a soft WIP breach) is shown once it is saved. */
  const move = useCallback(
    (move: CardMove, version: number, warning: string | null) => {
      startTransition(async () => {
        addMove({ move, at: Date.now() });
        const result = await moveCardAction({ ...move, version });
        if (result.ok) {
          if (warning) toast.warning(warning);
          await reload();
          return;
        }
        if (result.code === "VERSION_CONFLICT") {
          toast.error(`${move.cardKey} was changed by someone else. The board now shows its latest state; try again.`);
          await reload();
          return;
        }
        toast.error(`${move.cardKey} was not moved`, { description: refusalText(result.code, result.message, result.details) });
      });
    },
    [addMove, reload],
  );

  return { board: optimistic, move };
}
