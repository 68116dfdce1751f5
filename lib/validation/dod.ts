import { z } from "zod";
import { cardParams, idSchema } from "./common";

export const DOD_SIGNALS = ["checks_green", "pr_merged", "deployed", "stage_succeeded"] as const;
export const DOD_STAGES = ["build", "test", "release", "deploy"] as const;
export const AUTOMATION_TRIGGERS = ["pr_opened", "pr_merged", "deployed"] as const;

const text = z.string().trim().min(1, "Say what must be true.").max(500);
const environment = z.string().trim().min(1).max(100);

const manualCriterion = z.object({ text, kind: z.literal("manual") }).strict();
const autoCriterion = z
  .object({ text, kind: z.literal("auto"), signal: z.enum(DOD_SIGNALS), environment: environment.optional(), stage: z.enum(DOD_STAGES).optional() })
  .strict()
  .superRefine((item, ctx) => {
    if (item.signal === "deployed" && !item.environment) ctx.addIssue({ code: "custom", path: ["environment"], message: "A deployment item names its environment." });
    if (item.signal === "stage_succeeded" && !item.stage) ctx.addIssue({ code: "custom", path: ["stage"], message: "A stage item names its stage." });
  });
export const dodCriterionSchema = z.discriminatedUnion("kind", [manualCriterion, autoCriterion]);
export type DodCriterionInput = z.output<typeof dodCriterionSchema>;

/** The Definition of Done in order; `ready` (optional) is the Definition of Ready, manual items only. */
export const definitionSchema = z
  .object({
    items: z.array(dodCriterionSchema).max(50),
    ready: z.object({ enabled: z.boolean(), items: z.array(manualCriterion).max(50) }).strict().optional(),
  })
  .strict();
export type DefinitionInput = z.output<typeof definitionSchema>;

export const tickItemSchema = z.object({ done: z.boolean() }).strict();
export const addItemSchema = z.object({ text }).strict();
export const itemParams = cardParams.extend({ itemId: idSchema });

const ruleSchema = z
  .object({ trigger: z.enum(AUTOMATION_TRIGGERS), environment: environment.optional(), toColumnId: idSchema })
  .strict()
  .refine((rule) => rule.trigger === "deployed" || rule.environment === undefined, { path: ["environment"], message: "Only deployment rules name an environment." });
export const automationSchema = z.object({ rules: z.array(ruleSchema).max(20) }).strict();
export type AutomationInput = z.output<typeof automationSchema>;
