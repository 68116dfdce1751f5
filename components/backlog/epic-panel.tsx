"use client";
// Epics with their progress (done points of their cards against all points); choosing one
// filters the backlog to its cards.
import { Zap } from "lucide-react";
import type { EpicProgress } from "@/lib/server/queries/backlog";
import { cn } from "@/lib/utils/cn";
import { useBacklogUrl } from "./use-backlog-url";

export function EpicPanel({ epics }: { epics: EpicProgress[] }) {
  const { params, setParams } = useBacklogUrl();
  const current = params.get("epic");
  return (
    <nav aria-label="Epics" className="flex flex-col gap-1">
      <h2 className="px-2 text-xs font-semibold tracking-wide text-muted uppercase">Epics</h2>
      <button
        type="button"
        aria-pressed={!current}
        onClick={() => setParams({ epic: null, limit: null })}
        className={cn("rounded-md px-2 py-1.5 text-left text-sm hover:bg-surface-2", !current && "bg-surface-2 font-medium")}
      >
        All cards
      </button>
      {epics.length === 0 ? <p className="px-2 text-xs text-muted">No epics yet. Create a card of type Epic to group work.</p> : null}
      {epics.map((epic) => {
        const share = epic.points ? Math.round((epic.donePoints / epic.points) * 100) : 0;
        return (
          <button
            key={epic.key}
            type="button"
            aria-pressed={current === epic.key}
            onClick={() => setParams({ epic: current === epic.key ? null : epic.key, limit: null })}
            className={cn("flex flex-col gap-1 rounded-md px-2 py-1.5 text-left hover:bg-surface-2", current === epic.key && "bg-type-epic-subtle")}
          >
            <span className="flex items-center gap-1.5 text-sm">
              <Zap aria-hidden className="size-3.5 shrink-0 text-type-epic" />
              <span className="truncate">{epic.title}</span>
            </span>
            <span className="flex items-center gap-2">
              <span
                role="meter"
                aria-label={`${epic.title} progress`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={share}
                aria-valuetext={`${epic.donePoints} of ${epic.points} points done`}
                className="h-1 flex-1 overflow-hidden rounded-full bg-surface-2"
              >
                <span className="block h-full rounded-full bg-type-epic" style={{ width: `${share}%` }} />
              </span>
              <span className="text-2xs text-muted tabular-nums">
                {epic.donePoints}/{epic.points} pts · {epic.doneCards}/{epic.cards}
              </span>
            </span>
          </button>
        );
      })}
    </nav>
  );
}
