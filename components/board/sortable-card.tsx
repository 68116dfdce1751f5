"use client";
// A card wired into dnd-kit: the whole card is the drag handle and one focusable control
// (Space picks it up, Enter or a click opens it). While dragged it stays in the list as the drop
// placeholder; the DragOverlay draws the card under the pointer.
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { memo, useId, type KeyboardEvent } from "react";
import { cn } from "@/lib/utils/cn";
import type { DropData } from "./collision";
import { CardView, describeCard } from "./card-view";
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
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn(
        "rounded-lg outline-offset-2 [contain-intrinsic-size:auto_96px] [content-visibility:auto]",
        canDrag ? "cursor-grab touch-manipulation" : "cursor-pointer",
        isDragging && "opacity-40 [&>*]:border-dashed [&>*]:border-accent [&>*]:shadow-none",
      )}
    >
      <CardView card={card} agingDays={agingDays} />
      <span id={detailsId} hidden>
        {describeCard(card, agingDays)}
      </span>
    </div>
  );
});
