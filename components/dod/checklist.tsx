"use client";
// A card's Definition-of-Done checklist: manual items tick by hand, automatic ones follow CI/CD
// and show what ticked them. On its own page it follows the project's change feed, so a webhook
// that ticks an item shows up without a reload; inside the board's side panel the board's feed
// does that and `onChange` reloads the panel. Rendered inside the card form: no nested <form> here.
import { Bot, Check, ExternalLink, ShieldAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { RelativeTime } from "@/components/ui/relative-time";
import { addItemAction } from "@/lib/actions/dod";
import { useBoardEvents } from "@/components/board/use-board-events";
import type { CardChecklistDto } from "@/lib/server/queries/dod";
import { useChecklist } from "./use-checklist";

type Props = {
  projectKey: string;
  cardKey: string;
  checklist: CardChecklistDto;
  canTick: boolean;
  /** Called after a tick or an added item; without it the page refreshes and follows the change feed. */
  onChange?: () => void;
};

function FollowChanges({ projectKey, paused, onChange }: { projectKey: string; paused: boolean; onChange: () => void }) {
  useBoardEvents(projectKey, { lastEventId: null, paused, onChange });
  return null;
}


export function DodChecklist({ projectKey, cardKey, checklist, canTick, onChange }: Props) {
  const router = useRouter();
  const { pending, run, tick } = useChecklist(cardKey, onChange);
  const [text, setText] = useState("");
  const done = checklist.items.filter((item) => item.done).length;
  const add = () => run(() => addItemAction(cardKey, { text }), () => setText(""));

  return (
    <section aria-labelledby="dod-heading" className="mt-8">
      {onChange ? null : <FollowChanges projectKey={projectKey} paused={pending} onChange={() => router.refresh()} />}
      <h2 id="dod-heading" className="flex items-center gap-2 text-sm font-semibold">
        Definition of Done
        <span className="font-normal tabular-nums text-muted" data-testid="dod-progress">{done}/{checklist.items.length}</span>
      </h2>
      {checklist.overrides.map((override) => (
        <p key={override.at} role="note" className="mt-2 flex items-start gap-2 rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
          <ShieldAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
          <span>
            Moved to Done without a complete Definition of Done{override.by ? ` by ${override.by}` : ""} (<RelativeTime at={override.at} />): <q>{override.reason}</q>
          </span>
        </p>
      ))}
      {checklist.items.length === 0 ? (
        <p className="mt-2 text-sm text-muted">This project has no Definition of Done yet.</p>
      ) : (
        <ul className="mt-2 flex flex-col gap-1.5">
          {checklist.items.map((item) => (
            <li key={item.id} className="flex items-start gap-2 text-sm" data-testid="dod-item" data-done={item.done}>
              {item.kind === "manual" ? (
                <input
                  type="checkbox"
                  className="mt-0.5 size-4 accent-accent"
                  checked={item.done}
                  disabled={!canTick || pending}
                  onChange={(event) => tick(item.id, event.target.checked)}
                  aria-label={item.text}
                />
              ) : (
                <span role="img" aria-label={item.done ? `${item.text}: done (automatic)` : `${item.text}: not yet (automatic)`} className={item.done ? "text-success" : "text-muted"}>
                  {item.done ? <Check className="mt-0.5 size-4" /> : <Bot className="mt-0.5 size-4" />}
                </span>
              )}
              <div className="min-w-0">
                <span className={item.done ? "text-muted line-through decoration-muted/60" : undefined}>{item.text}</span>
                {item.kind === "auto" ? <Bot aria-label="ticked by CI/CD" className="ml-1 inline size-3.5 text-muted" /> : null}
                <p className="text-xs text-muted">
                  {item.doneBy ? (
                    <>
                      {item.doneBy === "automation" ? "Automation" : item.doneBy}
                      {item.doneAt ? <>, <RelativeTime at={item.doneAt} /></> : null}
                    </>
                  ) : null}
                  {item.source ? (
                    <>
                      {item.doneBy ? " · " : null}
                      {item.source.url ? (
                        <a href={item.source.url} target="_blank" rel="noreferrer" className="inline-flex items-center gap-0.5 underline">
                          {item.source.label} <ExternalLink aria-hidden className="size-3" />
                        </a>
                      ) : (
                        item.source.label
                      )}
                    </>
                  ) : null}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {canTick ? (
        <div className="mt-3 flex gap-2">
          <Input
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                if (text.trim()) add();
              }
            }}
            placeholder="Add an item for this card"
            aria-label="New checklist item"
            maxLength={500}
          />
          <Button type="button" size="sm" disabled={pending || !text.trim()} onClick={add}>Add</Button>
        </div>
      ) : null}
    </section>
  );
}
