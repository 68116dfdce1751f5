"use client";
// One DndContext over the whole board: a header row of columns, then one row of cells per
// swimlane. WIP counts live on the column headers, so they cover every lane.
import { DndContext, DragOverlay } from "@dnd-kit/core";
import { Fragment, useId, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { useBoardDnd, type BoardMoveHandler } from "@/components/board/use-board-dnd";
import { useBoardEvents } from "@/components/board/use-board-events";
import { BoardCell, ColumnHeader } from "./board-column";
import { cellId, type LaneMode } from "./board-layout";
import { plural } from "./card-meta";
import { CardView } from "./card-view";
import type { BoardData } from "./types";

const NO_CARDS: BoardData["columns"][number]["cards"] = [];
const subscribeNever = () => () => {};
/** False during server rendering and hydration, true after: the overlay portal needs `document`. */
const useIsClient = () => useSyncExternalStore(subscribeNever, () => true, () => false);

export interface BoardGridProps {
  board: BoardData;
  laneMode: LaneMode;
  canDrag: boolean;
  onMove: BoardMoveHandler;
  onOpen: (cardKey: string) => void;
  /** Someone changed the board (change feed): fetch it again. */
  onRemoteChange: () => void;
}

export function BoardGrid({ board, laneMode, canDrag, onMove, onOpen, onRemoteChange }: BoardGridProps) {
  const dnd = useBoardDnd({ board, laneMode, onMove });
  useBoardEvents(board.project.key, { lastEventId: board.lastEventId, paused: dnd.isDragging, onChange: onRemoteChange });
  const id = useId();
  const isClient = useIsClient();
  const agingDays = board.project.agingThreshold;
  const columnCount = board.columns.length;

  return (
    <DndContext id={id} {...dnd.contextProps}>
      <div
        className="grid gap-x-3 gap-y-2 pb-4"
        style={{ gridTemplateColumns: `repeat(${columnCount}, minmax(16rem, 1fr))` }}
      >
        {board.columns.map((column) => (
          <ColumnHeader key={column.id} column={column} refusal={dnd.refusal?.columnId === column.id ? dnd.refusal.reason : null} />
        ))}
        {dnd.lanes.map((lane) => {
          const laneCards = board.columns.reduce((sum, column) => sum + (dnd.cells[cellId(lane.id, column.id)]?.length ?? 0), 0);
          return (
            <Fragment key={lane.id}>
              {laneMode !== "none" ? (
                <h3 className="col-span-full mt-2 flex items-center gap-2 border-b border-border pb-1 text-xs font-semibold text-foreground">
                  {lane.title}
                  <span className="font-normal text-muted">{plural(laneCards, "card")}</span>
                </h3>
              ) : null}
              {board.columns.map((column) => {
                const cell = cellId(lane.id, column.id);
                return (
                  <BoardCell
                    key={cell}
                    cellId={cell}
                    laneId={lane.id}
                    columnId={column.id}
                    label={laneMode === "none" ? column.name : `${column.name}, ${lane.title}`}
                    cards={dnd.cells[cell] ?? NO_CARDS}
                    agingDays={agingDays}
                    canDrag={canDrag}
                    isOver={dnd.overCell === cell}
                    refused={dnd.overCell === cell && dnd.refusal !== null}
                    showEmpty={laneMode === "none"}
                    onOpen={onOpen}
                  />
                );
              })}
            </Fragment>
          );
        })}
      </div>
      {isClient
        ? createPortal(<DragOverlay>{dnd.activeCard ? <CardView card={dnd.activeCard} agingDays={agingDays} overlay /> : null}</DragOverlay>, document.body)
        : null}
    </DndContext>
  );
}
