/**
 * Card keys in free text ("feature/DEMO-12-login", "DEMO-12: fix").
 *
 * Invariants (shared fixtures README, "How card keys are matched"):
 * - A key is `<projectKey>-<digits>`; the project key matches case-insensitively
 *   and results are upper case (`demo-14` -> `DEMO-14`).
 * - The character before the key and the one after the number must not be an
 *   ASCII letter or digit; anything else (including non-ASCII) separates.
 *   `xDEMO-12` and `DEMO-12a` are not keys; `[DEMO-12]`, `DEMO-12_x` are.
 * - The whole digit run is the number (`DEMO-12345` never yields `DEMO-12`),
 *   kept as written: `DEMO-012` is its own key, not `DEMO-12`.
 * - With `existing`, keys it rejects are dropped; no card is ever implied.
 * - The result is de-duplicated and sorted by numeric value (ties, such as
 *   `DEMO-12` and `DEMO-012`, by fewer leading zeros first).
 * - An empty project key finds nothing.
 */
export function findCardKeys(
  texts: readonly string[],
  projectKey: string,
  existing?: (key: string) => boolean,
): string[] {
  const prefix = projectKey.trim();
  if (prefix === "") return [];
  const upperPrefix = prefix.toUpperCase();
  // Lookarounds encode the ASCII boundary rule; `\d+` is greedy and followed by
  // a non-digit check, so a partial number can never match.
  const pattern = new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(prefix)}-(\\d+)(?![A-Za-z0-9])`, "gi");

  const found = new Map<string, string>();
  for (const text of texts) {
    for (const match of text.matchAll(pattern)) {
      const digits = match[1] as string;
      const key = `${upperPrefix}-${digits}`;
      if (!found.has(key)) found.set(key, digits);
    }
  }

  return [...found]
    .filter(([key]) => existing === undefined || existing(key))
    .sort(([, a], [, b]) => compareDigits(a, b))
    .map(([key]) => key);
}

/** Numeric order for digit strings of any length, without float precision loss. */
function compareDigits(a: string, b: string): number {
  const left = a.replace(/^0+(?=\d)/, "");
  const right = b.replace(/^0+(?=\d)/, "");
  if (left.length !== right.length) return left.length - right.length;
  if (left !== right) return left < right ? -1 : 1;
  return a.length - b.length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\\-]/g, "\\$&");
}
