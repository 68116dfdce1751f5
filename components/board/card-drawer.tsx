"use client";
// The card, opened over the board in a side drawer (?card=KEY keeps it across reloads). It loads
// through the REST API and reloads when the board sees a newer version of the card.
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { ExternalLink, Pencil, X } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Markdown } from "@/components/ui/markdown";
import { Spinner } from "@/components/ui/spinner";
import type { cardHistory, CardDto } from "@/lib/server/queries/cards";
import { cn } from "@/lib/utils/cn";
import { CardEditForm } from "./card-edit-form";
import { CardFacts, CardHistory } from "./card-facts";
import { TypeIcon } from "./card-meta";

export type CardDetails = CardDto & { history: Awaited<ReturnType<typeof cardHistory>> };

type Loaded = { key: string; version?: number; card: CardDetails | null; error: string | null };

/** Loads a card; reloads when `boardVersion` (the version the board shows) moves on. */
function useCardDetails(cardKey: string | null, boardVersion: number | undefined) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    if (!cardKey) return;
    const controller = new AbortController();
    fetch(`/api/v1/cards/${encodeURIComponent(cardKey)}`, { signal: controller.signal, cache: "no-store" })
      .then(async (response) => {
        const body = await response.json();
        if (response.ok) setLoaded({ key: cardKey, version: boardVersion, card: body as CardDetails, error: null });
        else setLoaded({ key: cardKey, card: null, error: response.status === 404 ? `${cardKey} does not exist or is not visible to you.` : body.error?.message ?? "The card could not be loaded." });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ key: cardKey, card: null, error: `The card could not be loaded (${String(error)}).` });
      });
    return () => controller.abort();
  }, [cardKey, boardVersion, reloads]);
  const current = loaded?.key === cardKey ? loaded : null;
  return { card: current?.card ?? null, error: current?.error ?? null, reload: () => setReloads((n) => n + 1) };
}

export interface CardDrawerProps {
  cardKey: string | null;
  boardVersion: number | undefined;
  canEdit: boolean;
  onClose: () => void;
}

export function CardDrawer({ cardKey, boardVersion, canEdit, onClose }: CardDrawerProps) {
  const { card, error, reload } = useCardDetails(cardKey, boardVersion);
  const [editing, setEditing] = useState<string | null>(null);
  const isEditing = editing !== null && editing === card?.key;

  return (
    <DialogPrimitive.Root open={cardKey !== null} onOpenChange={(open) => (open ? undefined : (setEditing(null), onClose()))}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-overlay motion-safe:data-[state=open]:animate-fade-in" />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          className={cn(
            "fixed inset-y-0 right-0 z-50 flex w-full max-w-xl flex-col border-l border-border bg-surface text-foreground shadow-overlay",
            "focus-visible:outline-none motion-safe:data-[state=open]:animate-fade-in",
          )}
        >
          <header className="flex items-center gap-2 border-b border-border px-5 py-3">
            {card ? <TypeIcon type={card.type} className="size-4" /> : null}
            <span className="text-sm font-medium text-muted tabular-nums">{cardKey}</span>
            {card?.column ? <Badge tone="neutral">{card.column.name}</Badge> : null}
            <div className="ml-auto flex items-center gap-1">
              {card && canEdit && !isEditing ? (
                <Button size="sm" variant="ghost" onClick={() => setEditing(card.key)}>
                  <Pencil aria-hidden /> Edit
                </Button>
              ) : null}
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
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">
            {card ? (
              isEditing ? (
                <>
                  <DialogPrimitive.Title className="sr-only">Edit {card.key}</DialogPrimitive.Title>
                  <CardEditForm card={card} onDone={(saved) => (setEditing(null), saved ? reload() : undefined)} onConflict={reload} />
                </>
              ) : (
                <div className="flex flex-col gap-5">
                  <DialogPrimitive.Title className="text-lg leading-7 font-semibold">{card.title}</DialogPrimitive.Title>
                  <CardFacts card={card} />
                  <section aria-labelledby="card-description">
                    <h3 id="card-description" className="mb-1.5 text-xs font-semibold text-muted uppercase">
                      Description
                    </h3>
                    {card.description ? <Markdown>{card.description}</Markdown> : <p className="text-sm text-muted">No description.</p>}
                  </section>
                  <CardHistory history={card.history} />
                </div>
              )
            ) : (
              <div className="flex flex-col items-center gap-3 py-16 text-sm text-muted">
                <DialogPrimitive.Title className="sr-only">{cardKey ?? "Card"}</DialogPrimitive.Title>
                {error ? <p role="alert">{error}</p> : <Spinner label={`Loading ${cardKey}`} />}
              </div>
            )}
          </div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
