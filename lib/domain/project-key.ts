// Project keys prefix every card key (SHOP-12), so they are short, upper-case and unique across the
// whole instance, like Jira's: a card key alone names one card in URLs and commit messages.

export const PROJECT_KEY_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;
const MAX_LENGTH = 10;

/**
 * A key suggested from a project's name: the initials of a name of several words ("Web shop" → WS,
 * "Mobile app v2" → MAV2), the first four letters of a single word ("Checkout" → CHEC). Only
 * A–Z and 0–9 are kept (accents are dropped); the key starts with a letter and has 2–10
 * characters. Returns "" when the name has no letter to start from.
 */
export function keyFromName(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const first = words.findIndex((word) => /^[A-Z]/.test(word));
  if (first < 0) return "";
  const usable = words.slice(first);
  const single = usable[0]!;
  let key = usable.length > 1 ? usable.map((word) => (/^\d+$/.test(word) ? word : word[0])).join("") : single.slice(0, 4);
  if (key.length < 2) key = (single + usable.slice(1).join("")).slice(0, 4);
  return key.length < 2 ? `${key}X` : key.slice(0, MAX_LENGTH);
}

/**
 * The first key not in `taken`: `wanted` itself, else `wanted` with a number (SHOP2, SHOP3, …),
 * shortened where needed to stay within 10 characters. `taken` holds upper-case keys; it only
 * needs those starting with the first eight characters of `wanted`.
 */
export function suggestFreeKey(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const suffix = String(n);
    const candidate = wanted.slice(0, MAX_LENGTH - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}
