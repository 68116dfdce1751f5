"use client";
// Turns a move (cards, target section, anchor) into one server action: ranking within a section
// (product owners), or planning into another section, ranked too when the caller may rank.
// Product owners (who may rank) may also plan cards that are not ready, with a reason.
import { useCallback, useState } from "react";
import { toast } from "sonner";
import type { OverrideRequest } from "@/components/dod/override-dialog";
import { planCardsAction, rankCardsAction } from "@/lib/actions/backlog";
import { BACKLOG, containerOf, type Lists, type Move } from "./moves";

/** A planning refused by the Definition of Ready, which a product owner may repeat with a reason. */
type Overridable = { move: Move; unmet: string[] };

function unreadyItems(details: unknown): string[] {
  const items = (details as { items?: Array<{ cardKey?: unknown; text?: unknown }> } | undefined)?.items;
  return Array.isArray(items) ? items.map((item) => `${String(item.cardKey)}: ${String(item.text)}`) : [];
}

export function useBacklogMoves(projectKey: string, canRank: boolean) {
  const [overridable, setOverridable] = useState<Overridable | null>(null);

  const move = useCallback(
    async (next: Move, reorderOnly: boolean): Promise<boolean> => {
      if (reorderOnly && !canRank) {
        toast.error("Only product owners and admins change the backlog order. Move cards between sprints instead.");
        return false;
      }
      if (reorderOnly && !next.anchor.afterKey && !next.anchor.beforeKey && !next.anchor.position) return true;
      const result = reorderOnly
        ? await rankCardsAction(projectKey, { cardKeys: next.keys, ...next.anchor })
        : await planCardsAction(projectKey, { sprintId: next.to === BACKLOG ? null : next.to, cardKeys: next.keys, ...(canRank ? next.anchor : {}) });
      if (result.ok) return true;
      if (result.code === "DOR_INCOMPLETE" && canRank) {
        const request = { move: next, unmet: unreadyItems(result.details) };
        toast.error("Not ready for a sprint", { description: result.message, action: { label: "Plan anyway…", onClick: () => setOverridable(request) } });
      } else {
        toast.error(result.message);
      }
      return false;
    },
    [projectKey, canRank],
  );

  const planAnyway = useCallback(
    async (reason: string) => {
      if (!overridable) return null;
      const { keys, to, anchor } = overridable.move;
      const result = await planCardsAction(projectKey, { sprintId: to, cardKeys: keys, ...anchor, override: { reason } });
      return result.ok ? null : result.message;
    },
    [projectKey, overridable],
  );
  const override = {
    request: overridable && {
      title: overridable.move.keys.length === 1 ? `Plan ${overridable.move.keys[0]} anyway?` : `Plan ${overridable.move.keys.length} cards anyway?`,
      description: "The Definition of Ready is not met. The override and its reason are recorded on each card.",
      unmet: overridable.unmet,
      confirmLabel: "Plan anyway",
    } satisfies OverrideRequest | null,
    planAnyway,
    cancel: useCallback(() => setOverridable(null), []),
  };

  /** Top or bottom of the card's own section: of the whole order for the backlog, of the sprint otherwise. */
  const toEdge = useCallback(
    (lists: Lists, keys: string[], edge: "top" | "bottom") => {
      const section = containerOf(lists, keys[0]!) ?? BACKLOG;
      const others = lists[section]!.filter((key) => !keys.includes(key));
      const anchor =
        section === BACKLOG ? { position: edge } : edge === "top" ? (others[0] ? { beforeKey: others[0] } : {}) : others.at(-1) ? { afterKey: others.at(-1)! } : {};
      return move({ keys, to: section, anchor }, keys.every((key) => containerOf(lists, key) === section));
    },
    [move],
  );

  const plan = useCallback((keys: string[], to: string) => move({ keys, to, anchor: {} }, false), [move]);

  return { move, toEdge, plan, override };
}
