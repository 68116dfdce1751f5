import { z } from "zod";
import { cardKeySchema, versionSchema } from "./common";

export const CARD_TYPES = ["story", "bug", "task", "spike", "epic"] as const;
export const PRIORITIES = ["low", "medium", "high", "urgent"] as const;

export const cardTypeSchema = z.enum(CARD_TYPES);
export const prioritySchema = z.enum(PRIORITIES);

const title = z.string().trim().min(1, "Give the card a title.").max(500, "A title has at most 500 characters.");
const description = z.string().max(50_000, "A description has at most 50,000 characters.");
const labels = z
  .array(z.string().trim().min(1).max(50, "A label has at most 50 characters."))
  .max(20, "At most 20 labels.")
  .transform((values) => [...new Set(values)]);
const estimate = z.number().int("Story points are whole numbers.").min(0).max(1000).nullable();

export const cardFieldsSchema = z.object({
  title,
  description: description.optional(),
  type: cardTypeSchema.optional(),
  priority: prioritySchema.optional(),
  assigneeId: z.string().min(1).max(64).nullable().optional(),
  labels: labels.optional(),
  estimate: estimate.optional(),
  epicKey: cardKeySchema.nullable().optional(),
  blockedReason: z.string().trim().max(500).nullable().optional(),
});

export const createCardSchema = cardFieldsSchema.strict();
export type CreateCardInput = z.output<typeof createCardSchema>;

export const updateCardSchema = cardFieldsSchema
  .partial()
  .extend({ version: versionSchema })
  .strict();
export type UpdateCardInput = z.output<typeof updateCardSchema>;

export const listCardsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  type: cardTypeSchema.optional(),
  assigneeId: z.string().max(64).optional(),
  label: z.string().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
});
