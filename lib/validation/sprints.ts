import { z } from "zod";
import { cardKeysSchema } from "./backlog";
import { overrideSchema } from "./board";

const name = z.string().trim().min(1, "Give the sprint a name.").max(100, "A sprint name has at most 100 characters.");
const goal = z.string().trim().max(1000, "A goal has at most 1,000 characters.");
/** A calendar day ("2026-03-02") or a full ISO timestamp; stored as a timestamp. */
const date = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: "Use a date like 2026-03-02." })
  .transform((value) => new Date(value));
const capacity = z.number().int("Capacity is a whole number of points.").min(0).max(10_000);

function endAfterStart(value: { startDate?: Date | null; endDate?: Date | null }, ctx: z.RefinementCtx) {
  if (value.startDate && value.endDate && value.endDate.getTime() <= value.startDate.getTime()) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "The sprint must end after it starts." });
  }
}

const sprintFields = {
  name,
  goal: goal.optional(),
  startDate: date.nullable().optional(),
  endDate: date.nullable().optional(),
  capacity: capacity.nullable().optional(),
};

export const createSprintSchema = z.object(sprintFields).strict().superRefine(endAfterStart);
export type CreateSprintInput = z.output<typeof createSprintSchema>;

export const updateSprintSchema = z
  .object({ ...sprintFields, name: name.optional() })
  .strict()
  .superRefine(endAfterStart);
export type UpdateSprintInput = z.output<typeof updateSprintSchema>;

export const sprintCardsSchema = z.object({ cardKeys: cardKeysSchema }).strict();
export type SprintCardsInput = z.output<typeof sprintCardsSchema>;
/** Planning into a sprint; `override` (product owners and admins) plans cards that are not ready. */
export const addSprintCardsSchema = sprintCardsSchema.extend({ override: overrideSchema.optional() }).strict();

/** What happens to unfinished cards: the next planned sprint (created if none) or the top of the backlog. */
export const completeSprintSchema = z.object({ incomplete: z.enum(["next", "backlog"], { error: 'Choose "next" or "backlog".' }) }).strict();
export type CompleteSprintInput = z.output<typeof completeSprintSchema>;
