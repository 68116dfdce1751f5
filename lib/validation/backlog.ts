import { z } from "zod";
import { cardTypeSchema, createCardSchema } from "./cards";
import { overrideSchema } from "./board";
import { cardKeySchema, idSchema, versionSchema } from "./common";

/**
 * Where cards go in the project-wide order: right after one card, right before one, or at the
 * top or bottom. At most one may be given; none means the top (the API contract).
 */
const anchorShape = {
  afterKey: cardKeySchema.optional(),
  beforeKey: cardKeySchema.optional(),
  position: z.enum(["top", "bottom"]).optional(),
};

export type AnchorInput = { afterKey?: string; beforeKey?: string; position?: "top" | "bottom" };

function oneAnchor(value: AnchorInput, ctx: z.RefinementCtx) {
  const given = (["afterKey", "beforeKey", "position"] as const).filter((field) => value[field] !== undefined);
  if (given.length > 1) ctx.addIssue({ code: "custom", path: [given[1]!], message: "Give only one of afterKey, beforeKey and position." });
}

export const cardKeysSchema = z
  .array(cardKeySchema)
  .min(1, "Name at least one card.")
  .max(500, "At most 500 cards at once.")
  .transform((keys) => [...new Set(keys)]);

/** POST /cards/{cardKey}/rank */
export const rankCardSchema = z.object(anchorShape).strict().superRefine(oneAnchor);
export type RankCardInput = z.output<typeof rankCardSchema>;

/** Several cards moved together; they keep their relative order. */
export const rankCardsSchema = z.object({ cardKeys: cardKeysSchema, ...anchorShape }).strict().superRefine(oneAnchor);
export type RankCardsInput = z.output<typeof rankCardsSchema>;

/**
 * Moving cards into a sprint (`sprintId`) or back to the backlog (`null`), optionally at a
 * position. `override` plans cards that are not ready (Definition of Ready), with a reason.
 */
export const planCardsSchema = z
  .object({ sprintId: idSchema.nullable(), cardKeys: cardKeysSchema, ...anchorShape, override: overrideSchema.optional() })
  .strict()
  .superRefine(oneAnchor);
export type PlanCardsInput = z.output<typeof planCardsSchema>;

/** Inline creation in the backlog: a card at a position, optionally inside a planned sprint. */
export const createBacklogCardSchema = createCardSchema
  .extend({ sprintId: idSchema.nullable().optional(), ...anchorShape })
  .strict()
  .superRefine(oneAnchor);
export type CreateBacklogCardInput = z.output<typeof createBacklogCardSchema>;

export const estimateCardSchema = z
  .object({
    estimate: z.number().int("Story points are whole numbers.").min(0).max(1000).nullable(),
    version: versionSchema,
  })
  .strict();
export type EstimateCardInput = z.output<typeof estimateCardSchema>;

/** Backlog filters; the UI keeps them in the URL. `limit` pages the backlog section only. */
export const backlogQuery = z.object({
  q: z.string().trim().max(200).optional(),
  type: cardTypeSchema.optional(),
  epic: cardKeySchema.optional(),
  label: z.string().trim().min(1).max(50).optional(),
  assignee: z.string().trim().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type BacklogFilter = z.output<typeof backlogQuery>;
