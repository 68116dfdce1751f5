"use client";
// Drag state for the board (dnd-kit "Multiple Containers" lifecycle): start snapshots the cells,
// over moves the card between cells at once (unless the column's WIP limit refuses it), end
// reorders within the cell and hands the move to `onMove`, cancel restores the snapshot.
// Columns and cards stay presentational: they receive cells, the over-column and the refusal.
import {
  KeyboardCode,
  KeyboardSensor,
  MeasuringStrategy,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { arrayMove } from "@dnd-kit/sortable";
import { useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { announce, screenReaderInstructions, type Spot } from "@/components/board/announcements";
import { buildLayout, cellId, findCell, moveToCell, parseCellId, placement, type Cells, type Lane, type LaneMode } from "@/components/board/board-layout";
import { boardKeyboardCoordinates, createBoardCollision } from "@/components/board/collision";
import type { BoardData, CardMove } from "@/components/board/types";
import { checkEntry } from "@/components/board/wip";

interface DragState {
  activeKey: string;
  /** Working copy of the cells; the server's data may refresh underneath without touching it. */
  cells: Cells;
  origin: NonNullable<ReturnType<typeof placement>>;
  overColumnId: string | null;
  refusal: { columnId: string; reason: string } | null;
}

/** Persists a move; resolves with the refusal's message, or null once saved. */
export type BoardMoveHandler = (move: CardMove, version: number, warning: string | null) => Promise<string | null>;

/** Where a card is, in words for the announcements; `index` overrides its own position. */
function spotOf(cells: Cells, cardKey: string, where: { board: BoardData; lanes: Lane[]; laneMode: LaneMode }, index?: number): Spot {
  const cell = findCell(cells, cardKey) ?? "";
  const { laneId, columnId } = parseCellId(cell) ?? { laneId: "", columnId: "" };
  const cards = cells[cell] ?? [];
  return {
    column: where.board.columns.find((column) => column.id === columnId)?.name ?? "the board",
    lane: where.laneMode === "none" ? undefined : where.lanes.find((lane) => lane.id === laneId)?.title,
    position: (index ?? cards.findIndex((card) => card.key === cardKey)) + 1,
    total: cards.length,
  };
}

/** Lanes and cells of the board, recomputed only when the board or the lane mode change. */
function useLayout(board: BoardData, mode: LaneMode) {
  // Previous cells are reused by identity where unchanged, so memoized cells skip re-rendering.
  const [state, setState] = useState(() => ({ board, mode, layout: buildLayout(board.columns, mode) }));
  if (state.board !== board || state.mode !== mode) {
    const next = { board, mode, layout: buildLayout(board.columns, mode, state.mode === mode ? state.layout.cells : undefined) };
    setState(next);
    return next.layout;
  }
  return state.layout;
}

export function useBoardDnd({ board, laneMode, onMove }: { board: BoardData; laneMode: LaneMode; onMove: BoardMoveHandler }) {
  const layout = useLayout(board, laneMode);
  const [drag, setDrag] = useState<DragState | null>(null);
  // Handlers and announcements run between renders; they read and write this synchronously.
  const live = useRef<{ drag: DragState | null; message: string; spoken: string; board: BoardData; lanes: Lane[] }>({
    drag: null,
    message: "",
    spoken: "",
    board,
    lanes: layout.lanes,
  });
  const [collision] = useState(createBoardCollision);
  // A keyboard drag the board refused (WIP, Definition of Done) puts the card back in a freshly
  // rendered element: focus goes back to it, not to the page, so the person can try again.
  const byKeyboard = useRef(false);
  const [refocus, setRefocus] = useState<{ key: string } | null>(null);
  useEffect(() => {
    if (!refocus) return;
    document.querySelector<HTMLElement>(`[data-card-key="${CSS.escape(refocus.key)}"]`)?.focus();
  }, [refocus]);
  const refused = (key: string) => byKeyboard.current && setRefocus({ key });
  const commit = (next: DragState | null) => {
    live.current.drag = next;
    setDrag(next);
  };

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 180, tolerance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: boardKeyboardCoordinates,
      // Enter opens a card, so only Space picks one up.
      keyboardCodes: { start: [KeyboardCode.Space], cancel: [KeyboardCode.Esc], end: [KeyboardCode.Space, KeyboardCode.Enter] },
    }),
  );

  const spot = (cells: Cells, cardKey: string, index?: number) => spotOf(cells, cardKey, { ...live.current, laneMode }, index);

  const cellOf = (cells: Cells, id: UniqueIdentifier) => (parseCellId(String(id)) ? String(id) : findCell(cells, String(id)));

  function onDragStart({ active, activatorEvent }: DragStartEvent) {
    live.current = { ...live.current, board, lanes: layout.lanes };
    byKeyboard.current = activatorEvent instanceof KeyboardEvent;
    const origin = placement(layout.cells, String(active.id));
    if (!origin) return;
    collision.reset();
    commit({ activeKey: String(active.id), cells: layout.cells, origin, overColumnId: origin.move.toColumnId, refusal: null });
  }

  function onDragOver({ active, over }: DragOverEvent) {
    const state = live.current.drag;
    if (!state) return;
    const overCell = over ? cellOf(state.cells, over.id) : undefined;
    const column = overCell ? board.columns.find((c) => c.id === parseCellId(overCell)!.columnId) : undefined;
    if (!over || !overCell || !column) return commit({ ...state, overColumnId: null, refusal: null });
    const check = checkEntry(column, state.origin.move.toColumnId, board.project.wipMode);
    if (!check.allowed) return commit({ ...state, overColumnId: column.id, refusal: { columnId: column.id, reason: check.reason } });
    const activeCell = findCell(state.cells, state.activeKey);
    if (!activeCell || activeCell === overCell) return commit({ ...state, overColumnId: column.id, refusal: null });
    // One change of cell per frame: moving reshapes the columns, and a target computed from the
    // old shapes could send the card straight back (an endless update loop).
    if (collision.justMoved) return;
    const into = state.cells[overCell]!;
    const overIndex = into.findIndex((c) => c.key === over.id);
    const translated = active.rect.current.translated;
    const below = translated !== null && translated.top > over.rect.top + over.rect.height;
    collision.movedToNewCell();
    const cells = moveToCell(state.cells, state.activeKey, overCell, overIndex >= 0 ? overIndex + (below ? 1 : 0) : into.length);
    commit({ ...state, cells, overColumnId: column.id, refusal: null });
  }

  function onDragEnd({ over }: DragEndEvent) {
    const state = live.current.drag;
    commit(null);
    if (!state) return;
    const key = state.activeKey;
    const overCell = over ? cellOf(state.cells, over.id) : undefined;
    if (!over || !overCell) {
      live.current.message = announce.cancelled(key, spot(layout.cells, key));
      return;
    }
    if (state.refusal && parseCellId(overCell)?.columnId === state.refusal.columnId) {
      const column = board.columns.find((c) => c.id === state.refusal!.columnId)?.name ?? "that column";
      live.current.message = announce.refused(key, column, state.refusal.reason);
      toast.error(`${key} was not moved`, { description: state.refusal.reason });
      refused(key);
      return;
    }
    // Normally the card is already in the target cell (drag-over moved it); a move skipped to
    // keep one change per frame is completed here.
    const overAt = state.cells[overCell]!.findIndex((c) => c.key === over.id);
    let cells = moveToCell(state.cells, key, overCell, overAt < 0 ? state.cells[overCell]!.length : overAt);
    const list = cells[overCell]!;
    const overIndex = list.findIndex((c) => c.key === over.id);
    const activeIndex = list.findIndex((c) => c.key === key);
    if (overIndex >= 0 && overIndex !== activeIndex) cells = { ...cells, [overCell]: arrayMove(list, activeIndex, overIndex) };
    const target = placement(cells, key)!;
    live.current.message = announce.dropped(key, spot(cells, key));
    const { move } = target;
    const origin = state.origin.move;
    if (move.toColumnId === origin.toColumnId && move.afterKey === origin.afterKey && move.beforeKey === origin.beforeKey) return;
    const column = board.columns.find((c) => c.id === move.toColumnId)!;
    const check = checkEntry(column, origin.toColumnId, board.project.wipMode);
    void onMove(move, list[activeIndex]!.version, check.allowed ? check.warning : null).then((refusal) => refusal !== null && refused(key));
  }

  function onDragCancel() {
    const state = live.current.drag;
    commit(null);
    if (state) live.current.message = announce.cancelled(state.activeKey, spot(layout.cells, state.activeKey));
  }

  const announcements = useMemo<Announcements>(
    () => ({
      onDragStart: ({ active }) => {
        const state = live.current.drag;
        if (!state) return undefined;
        const here = spotOf(state.cells, String(active.id), { ...live.current, laneMode });
        live.current.spoken = JSON.stringify(here);
        return announce.pickedUp(String(active.id), here);
      },
      onDragOver: ({ active, over }) => {
        const state = live.current.drag;
        const key = String(active.id);
        if (!state) return undefined;
        if (!over) return `${key} is not over a column.`;
        if (state.refusal) {
          const column = live.current.board.columns.find((c) => c.id === state.refusal!.columnId)?.name ?? "that column";
          return announce.refused(key, column, state.refusal.reason);
        }
        const cell = findCell(state.cells, key);
        const overIndex = cell ? state.cells[cell]!.findIndex((c) => c.key === over.id) : -1;
        const now = spotOf(state.cells, key, { ...live.current, laneMode }, overIndex >= 0 ? overIndex : undefined);
        // Right after pick-up the card is "over" itself; repeating where it is would drown out
        // the pick-up announcement (dnd-kit's sortable story skips it the same way).
        const unchanged = JSON.stringify(now) === live.current.spoken;
        live.current.spoken = JSON.stringify(now);
        return unchanged ? undefined : announce.movedTo(key, now);
      },
      onDragEnd: () => live.current.message,
      onDragCancel: () => live.current.message,
    }),
    [laneMode],
  );

  const cells = drag?.cells ?? layout.cells;
  const activeCard = drag ? Object.values(drag.cells).flat().find((card) => card.key === drag.activeKey) ?? null : null;

  return {
    lanes: layout.lanes,
    cells,
    activeCard,
    /** The cell the card would land in: the hovered column, in the card's own lane. */
    overCell: drag?.overColumnId ? cellId(parseCellId(drag.origin.cell)!.laneId, drag.overColumnId) : null,
    refusal: drag?.refusal ?? null,
    isDragging: drag !== null,
    contextProps: {
      sensors,
      collisionDetection: collision.detect,
      // Measured from pick-up to drop (and after every move between cells). Not while idle: a
      // refresh of a 500-card board would otherwise re-measure every card.
      measuring: { droppable: { strategy: MeasuringStrategy.WhileDragging } },
      accessibility: { announcements, screenReaderInstructions },
      onDragStart,
      onDragOver,
      onDragEnd,
      onDragCancel,
    },
  };
}
