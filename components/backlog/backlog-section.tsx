"use client";
// A droppable list: a planned sprint or the backlog. Empty sections still accept drops.
import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Plus } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

type Props = {
  id: string;
  keys: string[];
  header: ReactNode;
  headingId: string;
  /** The region's name when it is not the heading's text (e.g. "Active sprint Sprint 3"). */
  label?: string;
  /** What to do when the section is empty. */
  empty: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  onCreate?: () => void;
  className?: string;
};

export function BacklogSection({ id, keys, header, headingId, label, empty, children, footer, onCreate, className }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <section {...(label ? { "aria-label": label } : { "aria-labelledby": headingId })} className={cn("rounded-lg border border-border bg-surface shadow-raised", className)}>
      <div className="border-b border-border bg-surface-2/50">{header}</div>
      <SortableContext id={id} items={keys} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} aria-labelledby={headingId} className={cn("min-h-11", isOver && "bg-accent-subtle/40")}>
          {children}
          {keys.length === 0 ? <li className="flex min-h-11 items-center justify-center px-4 py-3 text-center text-xs text-muted">{empty}</li> : null}
        </ul>
      </SortableContext>
      {footer}
      {onCreate ? (
        <button type="button" onClick={onCreate} className="flex w-full items-center gap-1.5 rounded-b-lg border-t border-border px-3 py-1.5 text-xs text-muted hover:bg-surface-2 hover:text-foreground">
          <Plus aria-hidden className="size-3.5" /> Create card
        </button>
      ) : null}
    </section>
  );
}
