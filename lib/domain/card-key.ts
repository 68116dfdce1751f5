/**
 * Card keys like "DEMO-12": the project key, a hyphen, and the card's number
 * within the project. Keys are stable: a card keeps its key for life.
 *
 * Project keys are 2–10 characters of A–Z and 0–9, starting with a letter,
 * uppercase only. Card numbers start at 1, have no leading zeros and at most
 * 9 digits (they fit a PostgreSQL `integer`). These patterns match
 * `lib/validation/common.ts`, which trims and uppercases user input first;
 * the functions here are strict and do no normalizing.
 */

export const PROJECT_KEY_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;

export const CARD_KEY_PATTERN = /^([A-Z][A-Z0-9]{1,9})-([1-9][0-9]{0,8})$/;

/** Largest card number a key can carry (9 digits). */
export const MAX_CARD_NUMBER = 999_999_999;

/**
 * "DEMO" + 12 → "DEMO-12". The result always round-trips through
 * `parseCardKey`. Throws on an invalid project key or a number outside
 * 1..MAX_CARD_NUMBER: keys are built from stored values, so bad input is a bug.
 */
export function formatCardKey(projectKey: string, number: number): string {
  if (!PROJECT_KEY_PATTERN.test(projectKey)) {
    throw new RangeError(`invalid project key: "${projectKey}"`);
  }
  if (!Number.isInteger(number) || number < 1 || number > MAX_CARD_NUMBER) {
    throw new RangeError(`invalid card number: ${number}`);
  }
  return `${projectKey}-${number}`;
}

/**
 * "DEMO-12" → { projectKey: "DEMO", number: 12 }; anything else → null,
 * including lowercase, surrounding spaces, leading zeros and number 0. Never
 * throws. `formatCardKey(parsed.projectKey, parsed.number)` gives back the input.
 */
export function parseCardKey(key: string): { projectKey: string; number: number } | null {
  const match = CARD_KEY_PATTERN.exec(key);
  if (!match) return null;
  const [, projectKey, digits] = match;
  if (projectKey === undefined || digits === undefined) return null;
  return { projectKey, number: Number(digits) };
}
