// Shapes the board UI renders. They mirror what `getBoard` returns (lib/server/queries/board.ts)
// and are kept structural so the client bundle never imports server code.

export type ColumnCategory = "TODO" | "IN_PROGRESS" | "DONE";
export type WipMode = "HARD" | "SOFT";

export interface BoardCard {
  key: string;
  title: string;
  type: string;
  priority: string;
  assignee: { id: string; name: string } | null;
  estimate: number | null;
  labels: string[];
  epic: { key: string; title: string } | null;
  blockedReason: string | null;
  flagReason: string | null;
  columnEnteredAt: string;
  ageDays: number;
  version: number;
  sprintId: string | null;
  /** Added by the pipeline feature; the card shows a badge when present. */
  pipeline?: { status: string } | null;
  /** Added by the Definition of Done feature; the card shows done/total when present. */
  dod?: { done: number; total: number } | null;
}

export interface BoardColumn {
  id: string;
  name: string;
  category: ColumnCategory;
  wipLimit: number | null;
  policy: string;
  /** Cards in the column regardless of filters: WIP limits count these. */
  count: number;
  cards: BoardCard[];
}

export interface BoardData {
  project: { key: string; name: string; mode: string; wipMode: WipMode; agingDays: number };
  columns: BoardColumn[];
}

/** A move as the server understands it: neighbours, never indices. */
export interface CardMove {
  cardKey: string;
  toColumnId: string;
  /** The card directly above the drop position. */
  afterKey?: string;
  /** The card directly below the drop position. */
  beforeKey?: string;
}
