"use client";
// The Kanban card as drawn: presentational and memoized, so a drag or a refresh re-renders only
// the cards whose data changed. Dragging (sortable wiring) lives in sortable-card.tsx.
import { Ban, Clock, Flag, ListChecks } from "lucide-react";
import { memo, type ReactNode } from "react";
import { Avatar } from "@/components/ui/avatar";
import { LabelBadge } from "@/components/ui/label-badge";
import { Badge, pipelineTone } from "@/components/ui/badge";
import { Tooltip } from "@/components/ui/tooltip";
import { cn } from "@/lib/utils/cn";
import { PriorityIcon, TypeIcon, plural, priorityMeta, typeMeta } from "./card-meta";
import type { BoardCard } from "./types";

/** Everything a sighted user reads off the card, as one sentence for screen readers. */
export function describeCard(card: BoardCard, agingDays: number): string {
  const parts = [
    typeMeta(card.type).label,
    `${priorityMeta(card.priority).label} priority`,
    card.assignee ? `assigned to ${card.assignee.name}` : "unassigned",
    card.estimate !== null ? plural(card.estimate, "point") : null,
    card.labels.length ? `labels ${card.labels.join(", ")}` : null,
    card.epic ? `epic ${card.epic.title}` : null,
    card.blockedReason ? `Blocked: ${card.blockedReason}` : null,
    card.flagReason ? `Flagged by automation: ${card.flagReason}` : null,
    card.workItemAge !== null ? `work item age ${plural(card.workItemAge, "day")}${isAgeing(card, agingDays) ? ", ageing" : ""}` : null,
    card.pipeline ? `pipeline ${card.pipeline.status}` : null,
    card.dod ? `Definition of Done ${card.dod.done} of ${card.dod.total}` : null,
  ];
  return parts.filter(Boolean).join(". ") + ".";
}

/** Whether the card's work item age passes the board's threshold (the team's p85 cycle time, or its fixed days). */
const isAgeing = (card: BoardCard, agingDays: number) => card.workItemAge !== null && card.workItemAge > agingDays;

/** A marker with a hover tooltip; not focusable, because the whole card is one control. */
function Marker({ tip, className, children }: { tip: string; className: string; children: ReactNode }) {
  return (
    <Tooltip content={tip}>
      <span aria-hidden className={cn("inline-flex items-center gap-1 rounded px-1 text-2xs font-medium", className)}>
        {children}
      </span>
    </Tooltip>
  );
}

export interface CardViewProps {
  card: BoardCard;
  agingDays: number;
  /** Drawn in the drag overlay: lifted, slightly tilted. */
  overlay?: boolean;
  /** Id for the hidden full description the board's card control points to (aria-describedby). */
  detailsId?: string;
}

export const CardView = memo(function CardView({ card, agingDays, overlay = false, detailsId }: CardViewProps) {
  const ageing = isAgeing(card, agingDays);
  return (
    <div
      className={cn(
        "relative flex flex-col gap-1.5 overflow-hidden rounded-lg border border-border bg-surface py-2 pr-2.5 pl-3.5 text-left shadow-raised",
        "before:absolute before:inset-y-0 before:left-0 before:w-1", // type stripe
        typeMeta(card.type).stripe,
        card.blockedReason && "border-danger/50 bg-danger-subtle",
        overlay && "rotate-1 cursor-grabbing shadow-overlay ring-2 ring-accent/40",
      )}
    >
      <div className="flex items-center gap-1.5 text-xs text-muted">
        <TypeIcon type={card.type} />
        <span className="font-medium tabular-nums">{card.key}</span>
        <PriorityIcon priority={card.priority} />
        <span className="ml-auto flex items-center gap-1">
          {card.flagReason ? (
            <Marker tip={`Automation: ${card.flagReason}`} className="bg-warning-subtle text-warning">
              <Flag className="size-3" /> Flag
            </Marker>
          ) : null}
          {card.blockedReason ? (
            <Marker tip={`Blocked: ${card.blockedReason}`} className="bg-danger text-danger-foreground">
              <Ban className="size-3" /> Blocked
            </Marker>
          ) : null}
        </span>
      </div>
      <p className="line-clamp-3 text-sm leading-5 font-medium text-foreground">{card.title}</p>
      {card.labels.length || card.epic ? (
        <div className="flex flex-wrap gap-1">
          {card.epic ? (
            <Badge tone="epic" className="max-w-full truncate">
              {card.epic.title}
            </Badge>
          ) : null}
          {card.labels.map((label) => (
            <LabelBadge key={label} name={label} />
          ))}
        </div>
      ) : null}
      <div className="flex items-center gap-2 text-2xs text-muted">
        {card.workItemAge !== null ? (
          <span
            title={`Work item age: ${plural(card.workItemAge, "day")} since work started`}
            className={cn("inline-flex items-center gap-0.5 tabular-nums", ageing && "rounded bg-warning-subtle px-1 font-semibold text-warning")}
          >
            <Clock aria-hidden className="size-3" />
            {card.workItemAge}d{ageing ? " · ageing" : null}
          </span>
        ) : null}
        {card.estimate !== null ? (
          <span title={plural(card.estimate, "story point")} className="rounded bg-surface-2 px-1 font-semibold tabular-nums text-foreground">
            {card.estimate}
          </span>
        ) : null}
        {card.dod ? (
          <span
            title={`Definition of Done: ${card.dod.done} of ${card.dod.total}`}
            className={cn("inline-flex items-center gap-0.5 tabular-nums", card.dod.done === card.dod.total && "text-success")}
          >
            <ListChecks aria-hidden className="size-3" />
            {card.dod.done}/{card.dod.total}
          </span>
        ) : null}
        {card.pipeline ? (
          <Badge tone={pipelineTone(card.pipeline.status)} dot pulse={card.pipeline.status === "running"} className="h-4 text-2xs">
            {card.pipeline.status}
          </Badge>
        ) : null}
        {card.assignee ? <Avatar name={card.assignee.name} colorKey={card.assignee.id} size="xs" decorative className="ml-auto" /> : null}
      </div>
      {detailsId ? (
        <span id={detailsId} hidden>
          {describeCard(card, agingDays)}
        </span>
      ) : null}
    </div>
  );
});
