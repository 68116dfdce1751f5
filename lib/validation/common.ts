import { z } from "zod";
import { PROJECT_KEY_PATTERN } from "@/lib/domain/project-key";

/** PostgreSQL text cannot hold U+0000: input carrying it is refused at the boundary, never stored. */
export const NUL_MESSAGE = "Must not contain a NUL character (U+0000).";

/** Where the first string (a value or an object key) holding U+0000 is in `value`; null if none does. */
export function nulPath(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulPath(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object" && !(value instanceof Blob)) {
    for (const [key, item] of Object.entries(value)) {
      const found = key.includes("\u0000") ? [...path, key] : nulPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * `schema.safeParse(raw)` for input from outside (request bodies, params, queries, form data,
 * action arguments), refusing first any string in it that holds U+0000, whatever the field.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.ZodSafeParseResult<z.output<S>> {
  const at = nulPath(raw);
  if (at) return { success: false, error: new z.ZodError([{ code: "custom", path: at, message: NUL_MESSAGE, input: raw }]) } as z.ZodSafeParseResult<z.output<S>>;
  return schema.safeParse(raw);
}

/** A trimmed text without U+0000, for values used without a surrounding `parseInput` (ids in paths). */
const text = () => z.string().refine((value) => !value.includes("\u0000"), NUL_MESSAGE);

export const projectKeySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(PROJECT_KEY_PATTERN, "A project key is 2–10 letters or digits and starts with a letter (e.g. DEMO).");

export const cardKeySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{1,9}-[1-9][0-9]{0,8}$/, "A card key looks like DEMO-12.");

export const idSchema = text().trim().min(1).max(64);

/** A record version: a positive PostgreSQL integer (larger values would overflow the column). */
export const versionSchema = z.number().int().min(1, "version is the card's current version (from GET).").max(2_147_483_647);

export const projectParams = z.object({ key: projectKeySchema });
export const cardParams = z.object({ cardKey: cardKeySchema });
export const idParams = z.object({ id: idSchema });
