"use client";
// The card, opened over the board in a side drawer (?card=KEY keeps it across reloads). It loads
// through the REST API, shows the same CardDetail as the card page, and reloads when the board
// sees a newer version of the card.
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { ExternalLink, X } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { CardDetail } from "@/components/card/card-detail";
import type { CardView, HistoryEntry } from "@/components/card/card-fields";
import { buttonVariants } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/utils/cn";

type CardWithHistory = CardView & { projectKey: string; history: HistoryEntry[] };
type Loaded = { key: string; card: CardWithHistory | null; error: string | null };

/** Loads a card; `boardVersion` (the version the board shows) moving on reloads it. */
function useCard(cardKey: string | null, boardVersion: number | undefined) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
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
  }, [cardKey, boardVersion]);
  return loaded?.key === cardKey ? loaded : null;
}

export interface CardDrawerProps {
  cardKey: string | null;
  boardVersion: number | undefined;
  members: Array<{ id: string; name: string }>;
  epics: Array<{ key: string; title: string }>;
  canEdit: boolean;
  onClose: () => void;
}

export function CardDrawer({ cardKey, boardVersion, members, epics, canEdit, onClose }: CardDrawerProps) {
  const loaded = useCard(cardKey, boardVersion);
  const card = loaded?.card ?? null;

  return (
    <DialogPrimitive.Root open={cardKey !== null} onOpenChange={(open) => (open ? null : onClose())}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-overlay motion-safe:data-[state=open]:animate-fade-in" />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          className={cn(
            "fixed inset-y-0 right-0 z-50 flex w-full max-w-3xl flex-col border-l border-border bg-background text-foreground shadow-overlay",
            "focus-visible:outline-none motion-safe:data-[state=open]:animate-fade-in",
          )}
        >
          <header className="flex items-center gap-2 border-b border-border bg-surface px-5 py-2.5">
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
          </header>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-5">
            {card ? (
              // Keyed by version: a newer version (saved here or elsewhere) replaces the form's values.
              <CardDetail key={`${card.key}@${card.version}`} card={card} history={card.history} members={members} epics={epics} canEdit={canEdit} />
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
