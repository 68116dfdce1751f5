import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";

/**
 * Order keys ("ranks") for columns, board cards and the backlog, built on
 * `fractional-indexing` with its default alphabet: keys are ASCII
 * `[0-9A-Za-z]`, e.g. "a0", "a1", "a0V", "Zz".
 *
 * Comparison: keys sort by UTF-16 code unit, which for ASCII is byte order.
 * Use `compareRanks` or plain `<` in JS and `COLLATE "C"` (or `ORDER BY rank
 * COLLATE "C"`) in PostgreSQL. Never `localeCompare` or a locale collation:
 * they fold case, so "a0" and "Zz" would sort the wrong way round.
 *
 * Keys are deterministic: two moves that race between the same neighbours get
 * the same key. The database's unique (column, rank) constraint turns that
 * into a conflict the service retries with fresh neighbours.
 */

/**
 * Longest key we persist. Inserting again and again at one spot grows the key
 * by about one character per six inserts (each insert halves a base-62 gap),
 * so a hostile or unlucky sequence reaches 64 characters after roughly 360
 * inserts. Appends and prepends grow only logarithmically (10,000 of them fit
 * in 4 characters). A fresh `rebalance` of up to ~242,000 items yields keys of
 * at most 4 characters, so 64 leaves ample headroom while keeping index
 * entries small.
 */
export const MAX_RANK_LENGTH = 64;

/** Code-unit (byte) order of two keys; the only valid sort for ranks. */
export function compareRanks(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function assertOrdered(before: string | null, after: string | null): void {
  // fractional-indexing v4 silently swaps reversed bounds; a reversed pair here
  // means the caller picked the wrong neighbours, which is a bug.
  if (before !== null && after !== null && !(before < after)) {
    throw new RangeError(`rank bounds out of order: "${before}" must sort before "${after}"`);
  }
}

/**
 * A key strictly between two neighbours: `before < result < after` in code-unit
 * order. `null` is an open end (`null, null` gives the first key of an empty
 * list). Throws on reversed or equal bounds and on keys that are not valid
 * fractional-indexing keys; those are caller bugs. The result may exceed
 * `MAX_RANK_LENGTH`: check `needsRebalance` before persisting it.
 */
export function rankBetween(before: string | null, after: string | null): string {
  assertOrdered(before, after);
  return generateKeyBetween(before, after);
}

/**
 * `n` distinct keys, ascending, all strictly between `before` and `after`, for
 * moving several cards at once while keeping their relative order. The keys
 * are spread across the gap (shorter than chaining `rankBetween`). `n` must be
 * a non-negative integer; `n = 0` gives `[]`. Same bound rules as
 * `rankBetween`; check every key with `needsRebalance`.
 */
export function ranksBetween(before: string | null, after: string | null, n: number): string[] {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`ranksBetween needs a non-negative integer count, got ${n}`);
  }
  assertOrdered(before, after);
  return generateNKeysBetween(before, after, n);
}

/**
 * True when a freshly generated key is too long to persist. The caller then
 * places the item in its intended position and calls `rebalance` for the
 * whole list instead of storing this key.
 */
export function needsRebalance(key: string): boolean {
  return key.length > MAX_RANK_LENGTH;
}

/**
 * Fresh, evenly spaced keys for a whole ordered list: the i-th id gets the
 * i-th key, so code-unit order of the new keys equals the order of
 * `orderedIds`. Keys are short (≤ 4 characters up to ~242,000 items) and
 * consecutive "integers", so later inserts anywhere have room. Throws on
 * duplicate ids (a caller bug: the map would silently lose one).
 *
 * The new keys may equal old keys of other rows, and PostgreSQL checks a
 * non-deferrable unique (list, rank) index row by row, even inside one UPDATE.
 * Write in two passes: first a placeholder outside the key alphabet, such as
 * "~" + row id, then the new keys.
 */
export function rebalance(orderedIds: readonly string[]): Map<string, string> {
  if (new Set(orderedIds).size !== orderedIds.length) {
    throw new RangeError("rebalance needs distinct ids");
  }
  const keys = generateNKeysBetween(null, null, orderedIds.length);
  // generateNKeysBetween returns exactly one key per id.
  return new Map(orderedIds.map((id, index) => [id, keys[index] as string]));
}
