// Pure helpers for the backlog's lists: where a block of cards lands, and which neighbour the server
// should anchor it to. A list is a section (a planned sprint, or the backlog) holding card keys.

/** Container id of the backlog section; the others are sprint ids. */
export const BACKLOG = "backlog";

export type Lists = Record<string, string[]>;
export type Anchor = { afterKey?: string; beforeKey?: string; position?: "top" | "bottom" };
/** A move the server is asked to make: `keys` (in display order) to section `to` at `anchor`. */
export type Move = { keys: string[]; to: string; anchor: Anchor };

export const containerOf = (lists: Lists, id: string): string | undefined => (id in lists ? id : Object.keys(lists).find((c) => lists[c]!.includes(id)));

/** Every key in display order (sections in the given order). */
export const displayOrder = (lists: Lists, sections: string[]) => sections.flatMap((section) => lists[section] ?? []);

/**
 * `keys` taken out of wherever they are and put together in `to`, starting where `lead` now sits
 * (or at the end when `lead` is not there). Relative order of `keys` is kept.
 */
export function placeBlock(lists: Lists, keys: string[], to: string, lead: string): Lists {
  const target = lists[to] ?? [];
  const leadIndex = target.indexOf(lead);
  const before = (leadIndex < 0 ? target : target.slice(0, leadIndex)).filter((key) => !keys.includes(key));
  const next: Lists = Object.fromEntries(Object.entries(lists).map(([section, list]) => [section, list.filter((key) => !keys.includes(key))]));
  const rest = next[to]!.slice(before.length);
  next[to] = [...before, ...keys, ...rest];
  return next;
}

/** The neighbour to anchor a block to: the card above it, else the card below, else none (empty section). */
export function anchorIn(list: string[], keys: string[]): Anchor {
  const first = list.indexOf(keys[0]!);
  const above = list.slice(0, first).filter((key) => !keys.includes(key)).at(-1);
  if (above) return { afterKey: above };
  const below = list.slice(first).find((key) => !keys.includes(key));
  return below ? { beforeKey: below } : {};
}
