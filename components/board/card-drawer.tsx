"use client";
// The card, opened over the board in a side drawer (?card=KEY keeps it across reloads). It loads
// through the REST API, shows the same CardDetail and panels (Ready, Done, Development) as the
// card page, and reloads when the board sees the card change (version, DoD ticks, pipeline) or
// after a tick here. Closing it puts focus back on the card on the board.
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { ExternalLink, X } from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { CardDetail } from "@/components/card/card-detail";
import type { CardView, HistoryEntry } from "@/components/card/card-fields";
import { CardPanels } from "@/components/card/card-panels";
import { CardSprintMenu, type SprintOption } from "@/components/card/card-sprint-menu";
import { buttonVariants } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { CardChecklistDto } from "@/lib/server/queries/dod";
import type { CardPipeline } from "@/lib/server/queries/pipeline";
import { cn } from "@/lib/utils/cn";

type CardWithHistory = CardView & { projectKey: string; history: HistoryEntry[]; pipeline: CardPipeline; dod: CardChecklistDto };
type Loaded = { key: string; card: CardWithHistory | null; error: string | null };

/** Loads a card; `boardSignature` (what the board shows of it) changing, or `reload()`, loads it again. */
function useCard(cardKey: string | null, boardSignature: string | undefined) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  useEffect(() => {
    if (!cardKey) return;
    const controller = new AbortController();
    const fail = (error: string) => setLoaded({ key: cardKey, card: null, error });
    fetch(`/api/v1/cards/${encodeURIComponent(cardKey)}`, { signal: controller.signal, cache: "no-store" })
      .then(async (response) => {
        const body = await response.json();
        if (response.ok) setLoaded({ key: cardKey, card: body as CardWithHistory, error: null });
        else fail(response.status === 404 ? `${cardKey} does not exist, or you cannot see it.` : (body.error?.message ?? "The card could not be loaded."));
      })
      .catch(() => {
        if (!controller.signal.aborted) fail("The card could not be loaded. Check your connection and try again.");
      });
    return () => controller.abort();
  }, [cardKey, boardSignature, reloads]);
  return { loaded: loaded?.key === cardKey ? loaded : null, reload };
}

export interface CardDrawerProps {
  cardKey: string | null;
  /** What the board shows of the open card (version, DoD progress, pipeline): a change reloads it. */
  boardSignature: string | undefined;
  members: Array<{ id: string; name: string }>;
  epics: Array<{ key: string; title: string }>;
  canEdit: boolean;
  /** Scrum boards: the running and planned sprints a card can move to. */
  sprints?: SprintOption[];
  onClose: () => void;
}

export function CardDrawer({ cardKey, boardSignature, members, epics, canEdit, sprints, onClose }: CardDrawerProps) {
  const { loaded, reload } = useCard(cardKey, boardSignature);
  const card = loaded?.card ?? null;
  // The card that opened the panel; the URL has already lost it when the panel finishes closing.
  const openedFrom = useRef<string | null>(null);
  useEffect(() => {
    if (cardKey) openedFrom.current = cardKey;
  }, [cardKey]);

  // Radix would focus what had focus before (often nothing: the panel opens from the URL too).
  const focusOpener = (event: Event) => {
    const opener = openedFrom.current && document.querySelector<HTMLElement>(`[data-card-key="${CSS.escape(openedFrom.current)}"]`);
    if (!opener) return;
    event.preventDefault();
    opener.focus();
  };

  return (
    <DialogPrimitive.Root open={cardKey !== null} onOpenChange={(open) => (open ? null : onClose())}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-overlay motion-safe:data-[state=open]:animate-fade-in" />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          onCloseAutoFocus={focusOpener}
          className={cn(
            "fixed inset-y-0 right-0 z-50 flex w-full max-w-3xl flex-col border-l border-border bg-background text-foreground shadow-overlay",
            "focus-visible:outline-none motion-safe:data-[state=open]:animate-fade-in",
          )}
        >
          <div className="flex items-center gap-2 border-b border-border bg-surface px-5 py-2.5">
            <DialogPrimitive.Title className="min-w-0 truncate text-sm font-semibold">
              {cardKey}
              {card ? <span className="font-normal text-muted"> · {card.title}</span> : null}
            </DialogPrimitive.Title>
            <div className="ml-auto flex shrink-0 items-center gap-1">
              {card ? (
                <Link href={`/${card.projectKey}/cards/${card.key}`} className={buttonVariants({ variant: "ghost", size: "sm" })}>
                  <ExternalLink aria-hidden /> Full page
                </Link>
              ) : null}
              <DialogPrimitive.Close className={buttonVariants({ variant: "ghost", size: "icon" })} aria-label="Close card">
                <X aria-hidden />
              </DialogPrimitive.Close>
            </div>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-5">
            {card ? (
              // Keyed by card only: a newer version (saved elsewhere) merges into unsaved edits.
              <CardDetail key={card.key} card={card} history={card.history} members={members} epics={epics} canEdit={canEdit}
                onSaved={reload}
                sprintMenu={sprints ? <CardSprintMenu projectKey={card.projectKey} cardKey={card.key} sprintId={card.sprintId ?? null} sprints={sprints} canMove={canEdit} onMoved={reload} /> : undefined}
              >
                <CardPanels projectKey={card.projectKey} card={card} checklist={card.dod} pipeline={card.pipeline} canTick={canEdit} onChange={reload} />
              </CardDetail>
            ) : (
              <div className="flex flex-col items-center gap-3 py-16 text-sm text-muted">
                {loaded?.error ? <p role="alert">{loaded.error}</p> : <Spinner label={`Loading ${cardKey}`} />}
              </div>
            )}
          </div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
