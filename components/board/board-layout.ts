// Pure board geometry: which cards sit in which lane × column cell, and how a move changes the board.
// No React here, so the drag hook and the optimistic reducer share one tested implementation.
import { resolveStages } from "@/lib/domain/reports/flow";
import type { BoardCard, BoardColumn, BoardData, CardMove } from "./types";

export const LANE_MODES = ["none", "assignee", "priority", "epic"] as const;
export type LaneMode = (typeof LANE_MODES)[number];

export interface Lane {
  id: string;
  title: string;
}

/** Card keys never contain "~", so a cell id can never be mistaken for a card id. */
const CELL_SEPARATOR = "~";

/** Cell (droppable container) id for one lane of one column. */
export function cellId(laneId: string, columnId: string): string {
  return `cell${CELL_SEPARATOR}${laneId}${CELL_SEPARATOR}${columnId}`;
}

export function parseCellId(id: string): { laneId: string; columnId: string } | null {
  const [prefix, laneId, columnId] = id.split(CELL_SEPARATOR);
  return prefix === "cell" && laneId !== undefined && columnId !== undefined ? { laneId, columnId } : null;
}

/** Cells → their cards, top to bottom. */
export type Cells = Record<string, BoardCard[]>;

const PRIORITY_ORDER = ["urgent", "high", "medium", "low"];
const NO_LANE = { assignee: "unassigned", epic: "no-epic" } as const;

export function laneOf(card: BoardCard, mode: LaneMode): string {
  switch (mode) {
    case "none":
      return "all";
    case "assignee":
      return card.assignee?.id ?? NO_LANE.assignee;
    case "priority":
      return card.priority.toLowerCase();
    case "epic":
      return card.epic?.key ?? NO_LANE.epic;
  }
}

function laneTitle(card: BoardCard, mode: LaneMode): string {
  switch (mode) {
    case "none":
      return "All cards";
    case "assignee":
      return card.assignee?.name ?? "Unassigned";
    case "priority": {
      const priority = card.priority.toLowerCase();
      return priority.charAt(0).toUpperCase() + priority.slice(1);
    }
    case "epic":
      return card.epic ? `${card.epic.key} ${card.epic.title}` : "No epic";
  }
}

/** Orders lanes: priorities by urgency, the rest by title, with the "nobody/none" lane last. */
function compareLanes(mode: LaneMode, a: Lane, b: Lane): number {
  if (mode === "priority") return PRIORITY_ORDER.indexOf(a.id) - PRIORITY_ORDER.indexOf(b.id);
  const noLane = mode === "assignee" ? NO_LANE.assignee : NO_LANE.epic;
  if ((a.id === noLane) !== (b.id === noLane)) return a.id === noLane ? 1 : -1;
  return a.title.localeCompare(b.title);
}

/** Keeps the previous array when it holds the same cards, so memoized cells skip rendering. */
function reuse(previous: BoardCard[] | undefined, next: BoardCard[]): BoardCard[] {
  if (previous && previous.length === next.length && previous.every((card, i) => card === next[i])) return previous;
  return next;
}

/**
 * Splits the columns into lanes. Only lanes that hold a card are shown; with no cards at all a
 * single empty lane keeps the columns droppable. Cells keep the column's card order.
 */
export function buildLayout(columns: BoardColumn[], mode: LaneMode, previous?: Cells): { lanes: Lane[]; cells: Cells } {
  const lanes = new Map<string, Lane>();
  for (const column of columns) {
    for (const card of column.cards) {
      const id = laneOf(card, mode);
      if (!lanes.has(id)) lanes.set(id, { id, title: laneTitle(card, mode) });
    }
  }
  if (lanes.size === 0) lanes.set("all", { id: "all", title: "All cards" });
  const ordered = [...lanes.values()].sort((a, b) => compareLanes(mode, a, b));
  const cells: Cells = {};
  for (const lane of ordered) {
    for (const column of columns) {
      const id = cellId(lane.id, column.id);
      cells[id] = reuse(previous?.[id], column.cards.filter((card) => laneOf(card, mode) === lane.id));
    }
  }
  return { lanes: ordered, cells };
}

export function findCell(cells: Cells, cardKey: string): string | undefined {
  return Object.keys(cells).find((id) => cells[id]!.some((card) => card.key === cardKey));
}

/** Cells with the card taken out of its cell and put into `toCell` at `index` (clamped). */
export function moveToCell(cells: Cells, cardKey: string, toCell: string, index: number): Cells {
  const fromCell = findCell(cells, cardKey);
  if (!fromCell || fromCell === toCell || !cells[toCell]) return cells;
  const card = cells[fromCell]!.find((c) => c.key === cardKey)!;
  const into = cells[toCell]!;
  const at = Math.max(0, Math.min(index, into.length));
  return { ...cells, [fromCell]: cells[fromCell]!.filter((c) => c.key !== cardKey), [toCell]: [...into.slice(0, at), card, ...into.slice(at)] };
}

/** Where a card sits after a drag, in the server's terms (neighbours) plus its position for people. */
export function placement(cells: Cells, cardKey: string) {
  const cell = findCell(cells, cardKey);
  if (!cell) return null;
  const cards = cells[cell]!;
  const index = cards.findIndex((card) => card.key === cardKey);
  const move: CardMove = {
    cardKey,
    toColumnId: parseCellId(cell)!.columnId,
    afterKey: cards[index - 1]?.key,
    beforeKey: cards[index + 1]?.key,
  };
  return { cell, move, position: index + 1, total: cards.length };
}

/**
 * A moved card's work item age until the server's answer: kept within started, unfinished columns
 * (the start date does not change), 1 on first entering one (started today), none elsewhere.
 */
function workItemAgeAfterMove(board: BoardData, card: BoardCard, toColumnId: string): number | null {
  const stages = resolveStages(board.columns, board.project);
  const inProgress = stages.startedIds.includes(toColumnId) && !stages.finishedIds.includes(toColumnId);
  return inProgress ? (card.workItemAge ?? 1) : null;
}

/**
 * The board with one card moved: out of its column, into `toColumnId` right after `afterKey`
 * (else right before `beforeKey`, else at the end). Applying a move that already happened gives
 * the same board, so it is safe to replay on top of fresher server data. Untouched columns and
 * cards keep their identity.
 */
export function applyMove(board: BoardData, move: CardMove, now: Date): BoardData {
  const from = board.columns.find((column) => column.cards.some((card) => card.key === move.cardKey));
  const to = board.columns.find((column) => column.id === move.toColumnId);
  if (!from || !to) return board;
  const original = from.cards.find((card) => card.key === move.cardKey)!;
  const changesColumn = from.id !== to.id;
  const card = changesColumn ? { ...original, columnEnteredAt: now.toISOString(), ageDays: 0, workItemAge: workItemAgeAfterMove(board, original, to.id) } : original;
  const columns = board.columns.map((column) => {
    if (column.id !== from.id && column.id !== to.id) return column;
    const rest = column.cards.filter((c) => c.key !== move.cardKey);
    if (column.id !== to.id) return { ...column, cards: rest, count: column.count - 1 };
    const after = move.afterKey ? rest.findIndex((c) => c.key === move.afterKey) : -1;
    const before = move.beforeKey ? rest.findIndex((c) => c.key === move.beforeKey) : -1;
    const index = after >= 0 ? after + 1 : before >= 0 ? before : rest.length;
    const cards = [...rest.slice(0, index), card, ...rest.slice(index)];
    return { ...column, cards, count: column.count + (changesColumn ? 1 : 0) };
  });
  return { ...board, columns };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const columnMeta = ({ cards: _cards, ...meta }: BoardColumn) => meta;

/**
 * Fresh server data with every unchanged card and column replaced by the previous object, so a
 * refresh of a 500-card board re-renders only what changed.
 */
export function stabilize(next: BoardData, previous: BoardData | null): BoardData {
  if (!previous) return next;
  const oldCards = new Map(previous.columns.flatMap((column) => column.cards.map((card) => [card.key, card] as const)));
  const oldColumns = new Map(previous.columns.map((column) => [column.id, column]));
  const columns = next.columns.map((column) => {
    const cards = column.cards.map((card) => {
      const old = oldCards.get(card.key);
      return old && sameJson(old, card) ? old : card;
    });
    const old = oldColumns.get(column.id);
    if (old && sameJson(columnMeta(old), columnMeta(column)) && reuse(old.cards, cards) === old.cards) return old;
    return { ...column, cards };
  });
  const sameColumns = columns.length === previous.columns.length && columns.every((column, i) => column === previous.columns[i]);
  if (sameColumns && sameJson(next.project, previous.project)) return previous;
  return { ...next, columns };
}
