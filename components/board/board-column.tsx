"use client";
// A column is drawn as one header plus one cell per swimlane. Both are presentational and
// memoized: during a drag only the cells whose cards changed, and the header of the column being
// hovered, re-render.
import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Info, OctagonAlert } from "lucide-react";
import { memo, useMemo } from "react";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import { useBoardWindow } from "@/components/board/use-board-window";
import { wipState } from "@/lib/domain/wip";
import { cn } from "@/lib/utils/cn";
import type { DropData } from "./collision";
import { plural } from "./card-meta";
import { SortableCard } from "./sortable-card";
import type { BoardCard, BoardColumn, ColumnCategory } from "./types";

const CATEGORY_ACCENT: Record<ColumnCategory, string> = {
  TODO: "border-t-muted",
  IN_PROGRESS: "border-t-info",
  DONE: "border-t-success",
};

const WIP_TEXT = { under: "text-muted", at: "text-warning", over: "text-danger" } as const;

export interface ColumnHeaderProps {
  column: Omit<BoardColumn, "cards">;
  /** Why the column refuses the card being dragged over it (hard WIP limit), if it does. */
  refusal: string | null;
}

export const ColumnHeader = memo(function ColumnHeader({ column, refusal }: ColumnHeaderProps) {
  const state = wipState(column.count, column.wipLimit);
  const countLabel =
    column.wipLimit === null
      ? plural(column.count, "card")
      : `${column.count} of ${column.wipLimit} cards${state === "at" ? ", at the WIP limit" : state === "over" ? ", over the WIP limit" : ""}`;
  return (
    <div
      className={cn(
        "sticky top-0 z-10 mt-3 flex flex-col gap-1 rounded-lg border border-t-[3px] border-border bg-surface px-3 py-2 shadow-raised",
        CATEGORY_ACCENT[column.category],
        refusal && "border-danger ring-2 ring-danger",
      )}
    >
      <div className="flex items-center gap-2">
        <h2 className="truncate text-sm font-semibold">{column.name}</h2>
        <span aria-label={countLabel} className={cn("text-xs font-medium tabular-nums", WIP_TEXT[state])}>
          {column.count}
          {column.wipLimit !== null ? ` / ${column.wipLimit}` : null}
        </span>
        {column.policy ? (
          <Tooltip content={column.policy}>
            <button type="button" aria-label={`${column.name} policy: ${column.policy}`} className="ml-auto rounded text-muted hover:text-foreground">
              <Info aria-hidden className="size-3.5" />
            </button>
          </Tooltip>
        ) : null}
      </div>
      {refusal ? (
        <p className="flex items-center gap-1 text-xs font-semibold text-danger">
          <OctagonAlert aria-hidden className="size-3.5" /> WIP limit reached
        </p>
      ) : null}
    </div>
  );
});

export interface BoardCellProps {
  cellId: string;
  laneId: string;
  columnId: string;
  /** Accessible name of the cell: the column, plus the lane when there are lanes. */
  label: string;
  cards: BoardCard[];
  agingDays: number;
  canDrag: boolean;
  isOver: boolean;
  refused: boolean;
  /** Say "No cards" when empty; with swimlanes the many empty cells stay blank. */
  showEmpty: boolean;
  onOpen: (cardKey: string) => void;
}

export const BoardCell = memo(function BoardCell({ cellId, laneId, columnId, label, cards, agingDays, canDrag, isOver, refused, showEmpty, onOpen }: BoardCellProps) {
  const data: DropData = { type: "cell", laneId, columnId, hasCards: cards.length > 0 };
  const { setNodeRef } = useDroppable({ id: cellId, data });
  const { visible, hidden, more, sentinel } = useBoardWindow(cards);
  const items = useMemo(() => visible.map((card) => card.key), [visible]);
  return (
    <section
      ref={setNodeRef}
      aria-label={label}
      className={cn(
        "flex min-h-24 flex-col gap-2 rounded-lg p-1.5 transition-colors",
        isOver && !refused && "bg-accent-subtle/60",
        refused && "bg-danger-subtle outline-2 outline-danger outline-dashed",
      )}
    >
      <SortableContext id={cellId} items={items} strategy={verticalListSortingStrategy} disabled={!canDrag}>
        {visible.map((card) => (
          <SortableCard key={card.key} card={card} cellId={cellId} laneId={laneId} columnId={columnId} agingDays={agingDays} canDrag={canDrag} onOpen={onOpen} />
        ))}
      </SortableContext>
      {hidden > 0 ? (
        <Button ref={sentinel} variant="ghost" size="sm" onClick={more} className="text-muted">
          Show more ({hidden})
        </Button>
      ) : null}
      {cards.length === 0 && showEmpty ? <p className="px-2 py-3 text-center text-xs text-muted">No cards</p> : null}
    </section>
  );
});
