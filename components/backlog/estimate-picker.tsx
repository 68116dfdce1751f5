"use client";
// The story-point pill of a row; members pick a value of the project's scale in a popover.
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { estimateCardAction } from "@/lib/actions/backlog";
import { cn } from "@/lib/utils/cn";

type Props = { cardKey: string; estimate: number | null; version: number; scale: number[]; editable: boolean };

const pill = "inline-flex h-5 min-w-7 items-center justify-center rounded-full px-1.5 text-xs font-medium tabular-nums";

export function EstimatePicker({ cardKey, estimate, version, scale, editable }: Props) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const label = estimate === null ? "not estimated" : `${estimate} ${estimate === 1 ? "point" : "points"}`;
  const tone = estimate === null ? "bg-transparent text-muted ring-1 ring-border ring-dashed" : "bg-surface-2 text-foreground";
  if (!editable) return <span className={cn(pill, tone)} aria-label={`Estimate: ${label}`}>{estimate ?? "–"}</span>;

  const choose = (value: number | null) =>
    startTransition(async () => {
      setOpen(false);
      const result = await estimateCardAction(cardKey, { estimate: value, version });
      if (!result.ok) toast.error(result.code === "VERSION_CONFLICT" ? `${cardKey} changed meanwhile; try again.` : result.message);
    });

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <button type="button" aria-label={`Estimate for ${cardKey}: ${label}`} className={cn(pill, tone, "hover:ring-1 hover:ring-accent", pending && "opacity-50")}>
          {estimate ?? "–"}
        </button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-auto p-2" aria-label={`Estimate ${cardKey}`}>
        <p className="mb-1.5 px-1 text-xs font-medium text-muted">Story points</p>
        <div className="grid grid-cols-4 gap-1" role="group" aria-label={`Story points for ${cardKey}`}>
          {scale.map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={value === estimate}
              onClick={() => choose(value)}
              className={cn("h-8 w-10 rounded-md text-sm tabular-nums hover:bg-surface-2", value === estimate && "bg-accent text-accent-foreground hover:bg-accent-hover")}
            >
              {value}
            </button>
          ))}
        </div>
        {estimate !== null ? (
          <button type="button" onClick={() => choose(null)} className="mt-1 w-full rounded-md px-2 py-1 text-left text-xs text-muted hover:bg-surface-2">
            Clear estimate
          </button>
        ) : null}
      </PopoverContent>
    </Popover>
  );
}
