"use client";
// One dense backlog row: select box, drag handle, type, key, title, epic, labels, estimate,
// assignee, menu. The handle is the only drag activator, so text stays selectable and links work.
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { GripVertical, Plus } from "lucide-react";
import Link from "next/link";
import type { ComponentProps, MouseEvent } from "react";
import { TypeIcon } from "@/components/board/card-meta";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import type { BacklogCard } from "@/lib/server/queries/backlog";
import { cn } from "@/lib/utils/cn";
import { EstimatePicker } from "./estimate-picker";
import { RowMenu } from "./row-menu";

export type RowProps = {
  card: BacklogCard;
  section: string;
  selected: boolean;
  focused: boolean;
  /** Asked for by the URL (a card just created): drawn out until the person moves on. */
  highlighted?: boolean;
  canDrag: boolean;
  canEdit: boolean;
  scale: number[];
  menu: Omit<ComponentProps<typeof RowMenu>, "cardKey" | "href" | "section">;
  onSelect: (key: string, range: boolean) => void;
  onFocusRow: (key: string) => void;
  /** Inline creation below this row; none in the running sprint. */
  onAddBelow?: (key: string) => void;
};

const STATUS_TONES = { TODO: "neutral", IN_PROGRESS: "info", DONE: "success" } as const;

export function BacklogRow({ card, section, selected, focused, highlighted, canDrag, canEdit, scale, menu, onSelect, onFocusRow, onAddBelow }: RowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: card.key,
    data: { section },
    disabled: !canDrag,
  });
  const href = `/${card.projectKey}/cards/${card.key}`;
  const done = card.column.category === "DONE";
  return (
    <li
      ref={setNodeRef}
      data-key={card.key}
      tabIndex={-1}
      onFocus={(event) => event.target === event.currentTarget && onFocusRow(card.key)}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn(
        "group relative flex h-9 items-center gap-2 border-b border-border bg-surface px-2 text-sm outline-none last:border-b-0",
        "hover:bg-surface-2/60 focus-visible:bg-accent-subtle/60",
        selected && "bg-accent-subtle hover:bg-accent-subtle",
        focused && "shadow-[inset_2px_0_0_var(--color-accent)]",
        highlighted && "bg-warning-subtle motion-safe:transition-colors motion-safe:duration-1000",
        isDragging && "z-10 opacity-40",
      )}
    >
      {canEdit ? (
        <input
          type="checkbox"
          aria-label={`Select ${card.key}`}
          checked={selected}
          onChange={() => undefined}
          onClick={(event: MouseEvent<HTMLInputElement>) => onSelect(card.key, event.shiftKey)}
          className="size-3.5 shrink-0 accent-accent opacity-0 group-hover:opacity-100 checked:opacity-100 focus-visible:opacity-100"
        />
      ) : null}
      {canDrag ? (
        <button
          type="button"
          ref={setActivatorNodeRef}
          aria-label={`Reorder ${card.key}`}
          {...attributes}
          {...listeners}
          className="-ml-1 inline-flex size-5 shrink-0 cursor-grab touch-none items-center justify-center rounded text-muted hover:bg-surface-2 hover:text-foreground active:cursor-grabbing"
        >
          <GripVertical aria-hidden className="size-3.5" />
        </button>
      ) : null}
      <TypeIcon type={card.type} />
      <span className={cn("min-w-20 shrink-0 font-mono text-xs whitespace-nowrap text-muted", done && "line-through")}>{card.key}</span>
      <Link href={href} className="min-w-0 flex-1 truncate hover:underline" title={card.title}>
        {card.title}
      </Link>
      {card.epic ? (
        <Badge tone="epic" className="hidden max-w-40 truncate sm:inline-flex" title={`Epic ${card.epic.key}`}>
          {card.epic.title}
        </Badge>
      ) : null}
      {card.labels.slice(0, 2).map((label) => (
        <Badge key={label} className="hidden md:inline-flex">{label}</Badge>
      ))}
      {card.labels.length > 2 ? <Badge className="hidden md:inline-flex" title={card.labels.slice(2).join(", ")}>+{card.labels.length - 2}</Badge> : null}
      {card.column.category !== "TODO" ? <Badge tone={STATUS_TONES[card.column.category]} className="shrink-0">{card.column.name}</Badge> : null}
      <EstimatePicker cardKey={card.key} estimate={card.estimate} version={card.version} scale={scale} editable={canEdit} />
      <span className="flex w-5 justify-center">{card.assignee ? <Avatar name={card.assignee.name} colorKey={card.assignee.id} size="xs" /> : null}</span>
      <RowMenu cardKey={card.key} href={href} section={section} {...menu} />
      {canEdit && onAddBelow ? (
        <button
          type="button"
          aria-label={`Add a card below ${card.key}`}
          onClick={() => onAddBelow(card.key)}
          className="absolute -bottom-2 left-8 z-10 hidden size-4 items-center justify-center rounded-full bg-accent text-accent-foreground shadow-raised group-hover:inline-flex focus-visible:inline-flex"
        >
          <Plus aria-hidden className="size-3" />
        </button>
      ) : null}
    </li>
  );
}
