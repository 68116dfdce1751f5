/**
 * Definition of Ready: which of a card's Ready items are met. Most are ticked by hand; an item
 * about estimation ("Estimated by the team", "Has story points") is met by the card's estimate
 * itself, so the team never ticks what the card already shows and an estimate removed un-meets it.
 */

export interface ReadyItem {
  text: string;
  /** The stored tick; ignored for estimation items. */
  done: boolean;
}

export interface ReadyCard {
  estimate: number | null;
}

/** How an item is met: by a person's tick, or by the card's estimate. */
export type ReadyRule = "manual" | "estimate";

const ESTIMATION = /\b(estimat\w*|story[- ]points?|pointed|sized)\b/i;

/** The rule that decides an item, from its text. */
export function readyRule(text: string): ReadyRule {
  return ESTIMATION.test(text) ? "estimate" : "manual";
}

/** Whether one item is met for this card. An estimate of 0 counts: the team sized it. */
export function isReadyItemMet(item: ReadyItem, card: ReadyCard): boolean {
  return readyRule(item.text) === "estimate" ? card.estimate !== null : item.done;
}

/** Items still keeping the card out of a sprint, in the given order. */
export function unmetReadyItems<T extends ReadyItem>(items: readonly T[], card: ReadyCard): T[] {
  return items.filter((item) => !isReadyItemMet(item, card));
}
