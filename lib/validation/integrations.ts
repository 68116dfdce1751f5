import { z } from "zod";
import { normalizeRepositoryFilter } from "@/lib/domain/pipeline/repository";
import { MAX_STAGE_PATTERN_LENGTH, stagePatternProblem } from "@/lib/domain/pipeline/stages";
import { PROVIDERS, STAGES } from "@/lib/domain/pipeline/types";
import { idSchema } from "./common";

export const providerSchema = z.enum(PROVIDERS);

export const PROVIDER_LABELS: Record<(typeof PROVIDERS)[number], string> = {
  github: "GitHub",
  gitlab: "GitLab",
  circleci: "CircleCI",
  generic: "Generic (any CI)",
};

/** Outcomes of stored deliveries. Refused ones (wrong signature, not JSON) are not stored: see WebhookRejection. */
export const DELIVERY_STATUSES = ["pending", "processed", "ignored", "duplicate", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Board stage rules of an integration, tried in order; see lib/domain/pipeline/stages.ts. */
export const stageRulesSchema = z
  .array(
    z.object({
      pattern: z
        .string()
        .trim()
        .min(1, "Enter a text or a regular expression such as /^deploy-/.")
        .max(MAX_STAGE_PATTERN_LENGTH)
        .superRefine((pattern, ctx) => {
          const problem = stagePatternProblem(pattern);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
      stage: z.enum(STAGES),
    }),
  )
  .max(50);

const repositorySchema = z
  .string()
  .trim()
  .max(300)
  .transform(normalizeRepositoryFilter)
  .refine((value) => value === "" || /^[\w.-]+(\/[\w.-]+)*$/.test(value), "Use owner/name (acme/shop), a GitLab project id, or a CircleCI slug (github/acme/shop).");

export const createIntegrationSchema = z.object({
  provider: providerSchema,
  name: z.string().trim().min(1, "Give the integration a name.").max(100),
  /** Only deliveries from this repository change cards; empty or absent accepts every repository. */
  repository: repositorySchema.optional().transform((value) => value || undefined),
  stageRules: stageRulesSchema.optional(),
});
export type CreateIntegrationInput = z.output<typeof createIntegrationSchema>;

export const deliveriesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  status: z.enum(DELIVERY_STATUSES).optional(),
  /** Id of the last delivery of the previous page. */
  cursor: idSchema.optional(),
});
export type DeliveriesQuery = z.output<typeof deliveriesQuery>;
