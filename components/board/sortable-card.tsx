"use client";
// A card wired into dnd-kit: the whole card is the drag handle and one focusable control
// (Space picks it up, Enter or a click opens it). While dragged it stays in the list as the drop
// placeholder; the DragOverlay draws the card under the pointer.
import { useSortable } from "@dnd-kit/sortable";
import { memo, useId, type KeyboardEvent } from "react";
import { cn } from "@/lib/utils/cn";
import type { DropData } from "./collision";
import { CardView } from "./card-view";
import type { BoardCard } from "./types";

export interface SortableCardProps {
  card: BoardCard;
  cellId: string;
  laneId: string;
  columnId: string;
  agingDays: number;
  canDrag: boolean;
  onOpen: (cardKey: string) => void;
}

export const SortableCard = memo(function SortableCard({ card, cellId, laneId, columnId, agingDays, canDrag, onOpen }: SortableCardProps) {
  const data: DropData = { type: "card", laneId, columnId, cellId };
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: card.key,
    data,
    disabled: !canDrag,
    attributes: { roleDescription: "draggable card" },
  });
  const detailsId = useId();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Enter" && !isDragging) {
      event.preventDefault();
      onOpen(card.key);
      return;
    }
    listeners?.onKeyDown?.(event);
  };

  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
      onClick={() => onOpen(card.key)}
      aria-label={`${card.key} ${card.title}`}
      aria-describedby={[detailsId, attributes["aria-describedby"]].join(" ")}
      data-card-key={card.key}
      // A 2D translate: dnd-kit's translate3d would give each shifted card its own compositor layer.
      style={{ transform: transform ? `translate(${Math.round(transform.x)}px, ${Math.round(transform.y)}px)` : undefined, transition }}
      className={cn(
        "rounded-lg outline-offset-2 [contain-intrinsic-size:auto_96px] [content-visibility:auto]",
        canDrag ? "cursor-grab touch-manipulation" : "cursor-pointer",
        isDragging && "opacity-40 [&>*]:border-dashed [&>*]:border-accent [&>*]:shadow-none",
      )}
    >
      <CardView card={card} agingDays={agingDays} detailsId={detailsId} />
    </div>
  );
});
