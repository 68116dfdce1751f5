import { isTimeZone } from "@/lib/domain/reports/dates";
import { z } from "zod";
import { cardTypeSchema } from "./cards";
import { cardKeySchema, idSchema, projectKeySchema, versionSchema } from "./common";

/**
 * An enum as the API spells it (lower case) or as the domain and the UI do (upper case); the
 * parsed value is always the domain's.
 */
function domainEnum<const V extends string>(values: readonly V[]) {
  const spellings = [...values.map((value) => value.toLowerCase() as Lowercase<V>), ...values];
  return z.enum(spellings as [Lowercase<V> | V, ...Array<Lowercase<V> | V>]).transform((value) => value.toUpperCase() as V);
}

export const columnCategorySchema = domainEnum(["TODO", "IN_PROGRESS", "DONE"]);
export const wipModeInput = domainEnum(["HARD", "SOFT"]);
export const boardModeInput = domainEnum(["SCRUM", "KANBAN"]);

const columnName = z.string().trim().min(1, "Give the column a name.").max(50, "A column name has at most 50 characters.");
const wipLimit = z.number().int("A WIP limit is a whole number.").min(0).max(999).nullable();
const policy = z.string().trim().max(2000, "A policy has at most 2,000 characters.");
/** A column's place: after the column it follows, or before the one it precedes (ids). */
const position = { afterId: idSchema.optional(), beforeId: idSchema.optional() };

export const createColumnSchema = z
  .object({ name: columnName, category: columnCategorySchema.default("IN_PROGRESS"), wipLimit: wipLimit.optional(), policy: policy.optional(), ...position })
  .strict();
export type CreateColumnInput = z.output<typeof createColumnSchema>;

export const updateColumnSchema = z
  .object({ name: columnName.optional(), category: columnCategorySchema.optional(), wipLimit: wipLimit.optional(), policy: policy.optional(), ...position })
  .strict();
export type UpdateColumnInput = z.output<typeof updateColumnSchema>;

/** Where a deleted column's cards go; as the DELETE body or the `?moveCardsTo=` query. */
export const deleteColumnQuery = z.object({ moveCardsTo: idSchema.optional() });
export const deleteColumnSchema = deleteColumnQuery.strict();

export const columnParams = z.object({ key: projectKeySchema, id: idSchema });

export const boardSettingsSchema = z
  .object({
    wipMode: wipModeInput.optional(),
    mode: boardModeInput.optional(),
    agingDays: z.number().int().min(1).max(365).optional(),
    /** Reports: the column where work starts (null: the first in-progress column). */
    startColumnId: idSchema.nullable().optional(),
    /** Reports: the columns where work is finished (empty: every Done column). */
    finishColumnIds: z.array(idSchema).max(50).optional(),
    /** Reports count calendar days in this IANA time zone. */
    timeZone: z.string().max(64).refine(isTimeZone, "Unknown time zone: use an IANA name such as Europe/Berlin or UTC.").optional(),
    /** Delivery reports: environment names that count as production (empty: production, prod, live). */
    productionEnvironments: z.array(z.string().trim().min(1, "Name the environment.").max(200)).max(20).optional(),
  })
  .strict();
export type BoardSettingsInput = z.output<typeof boardSettingsSchema>;

/**
 * A move: `afterKey` is the card the moved card ends up below (its upper neighbour), `beforeKey`
 * the card it ends up above (its lower neighbour). Neither means the bottom of the column.
 * `version` is the moved card's version as the caller saw it; omitted, the move is unconditional.
 */
/** A product owner's reason to move a card into Done although its Definition of Done is unmet. */
export const overrideSchema = z.object({ reason: z.string().trim().min(1, "Give a reason.").max(500) }).strict();

export const moveCardSchema = z
  .object({ toColumnId: idSchema, afterKey: cardKeySchema.optional(), beforeKey: cardKeySchema.optional(), version: versionSchema.optional(), override: overrideSchema.optional() })
  .strict();
export type MoveCardInput = z.output<typeof moveCardSchema>;

/** The board's filters as URL search params (`?q=&assigneeId=&label=&type=&mine=true&blocked=true`). */
export const boardFiltersQuery = z.object({
  q: z.string().trim().max(200).optional(),
  assigneeId: z.string().max(64).optional(),
  label: z.string().trim().max(50).optional(),
  type: cardTypeSchema.optional(),
  mine: z.stringbool().optional(),
  blocked: z.stringbool().optional(),
});
