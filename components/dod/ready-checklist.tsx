"use client";
// A card's Definition-of-Ready items, when the project asks for them: people tick the manual
// ones; an estimation item follows the card's estimate (lib/domain/ready). Once every item is met
// the card can be planned into a sprint without "Plan anyway". No nested <form> (card form).
import { Calculator, CircleCheck } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { CardChecklistDto } from "@/lib/server/queries/dod";
import { useChecklist } from "./use-checklist";

type Props = { cardKey: string; estimate: number | null; checklist: CardChecklistDto; canTick: boolean; onChange?: () => void };

export function ReadyChecklist({ cardKey, estimate, checklist, canTick, onChange }: Props) {
  const { pending, tick } = useChecklist(cardKey, onChange);
  if (!checklist.readyEnabled || checklist.ready.length === 0) return null;
  const met = checklist.ready.filter((item) => item.done).length;
  const ready = met === checklist.ready.length;

  return (
    <section aria-labelledby="dor-heading" className="mt-8">
      <h2 id="dor-heading" className="flex items-center gap-2 text-sm font-semibold">
        Definition of Ready
        <span className="font-normal tabular-nums text-muted" data-testid="dor-progress">{met}/{checklist.ready.length}</span>
        {ready ? (
          <Badge tone="success">
            <CircleCheck aria-hidden className="size-3" /> Ready for a sprint
          </Badge>
        ) : null}
      </h2>
      <ul className="mt-2 flex flex-col gap-1.5">
        {checklist.ready.map((item) => (
          <li key={item.id} className="flex items-start gap-2 text-sm" data-testid="dor-item" data-done={item.done}>
            {item.metBy === "estimate" ? (
              <span role="img" aria-label={item.done ? `${item.text}: met by the estimate` : `${item.text}: not yet, needs an estimate`} className={item.done ? "text-success" : "text-muted"}>
                <Calculator className="mt-0.5 size-4" />
              </span>
            ) : (
              <input
                type="checkbox"
                className="mt-0.5 size-4 accent-accent"
                checked={item.done}
                disabled={!canTick || pending}
                onChange={(event) => tick(item.id, event.target.checked)}
                aria-label={item.text}
              />
            )}
            <div className="min-w-0">
              <span className={item.done ? "text-muted line-through decoration-muted/60" : undefined}>{item.text}</span>
              {item.metBy === "estimate" ? (
                <p className="text-xs text-muted">
                  {estimate === null ? "Met once the card has an estimate" : `Met by the estimate (${estimate} ${estimate === 1 ? "point" : "points"})`}
                </p>
              ) : item.doneBy ? (
                <p className="text-xs text-muted">Ticked by {item.doneBy}</p>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
