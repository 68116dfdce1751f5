"use client";
// Turns a move (cards, target section, anchor) into one server action: ranking within a section
// (product owners), or planning into another section, ranked too when the caller may rank.
import { useCallback } from "react";
import { toast } from "sonner";
import { planCardsAction, rankCardsAction } from "@/lib/actions/backlog";
import { BACKLOG, containerOf, type Lists, type Move } from "./moves";

export function useBacklogMoves(projectKey: string, canRank: boolean) {
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
      if (!result.ok) toast.error(result.message);
      return result.ok;
    },
    [projectKey, canRank],
  );

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

  return { move, toEdge, plan };
}
