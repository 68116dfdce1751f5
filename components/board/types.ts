// Shapes the board UI renders: what `getBoard` returns (type-only imports never reach the client
// bundle).
import type { Board, BoardCard as ServerBoardCard } from "@/lib/server/queries/board";

export type { WipMode } from "@/lib/domain/wip";

export type BoardCard = ServerBoardCard;

export type BoardColumn = Omit<Board["columns"][number], "cards"> & { cards: BoardCard[] };
export type ColumnCategory = BoardColumn["category"];
export type BoardData = Omit<Board, "columns"> & { columns: BoardColumn[] };

/** A move as the server understands it: neighbours, never indices. */
export interface CardMove {
  cardKey: string;
  toColumnId: string;
  /** The card directly above the drop position. */
  afterKey?: string;
  /** The card directly below the drop position; neither means the bottom of the column. */
  beforeKey?: string;
}
