import { z } from "zod";
import { cardKeySchema } from "./common";

/**
 * Body of the generic incident webhook (`POST /api/webhooks/incident/{integrationId}`), signed like
 * the generic CI webhook: `X-Shipboard-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`
 * with the integration's secret. Send `open` when the incident starts and `resolve` when it ends.
 */
export const incidentWebhookSchema = z
  .object({
    id: z.union([z.string().trim().min(1).max(200), z.number().int()]).describe("The incident's id in your tool; the same id opens and resolves it."),
    action: z.enum(["open", "resolve"]).describe("`open` starts (or updates) the incident, `resolve` ends it."),
    title: z.string().trim().min(1).max(500).optional().describe("What happened; required to open."),
    at: z.iso.datetime({ offset: true }).describe("ISO 8601 time it opened (`open`) or was resolved (`resolve`)."),
    deploymentSha: z.string().trim().min(7).max(100).optional().describe("The deployed commit it concerns; else it links to the latest production deployment before it opened."),
    card: cardKeySchema.optional().describe("The card it concerns, e.g. SHOP-12."),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional().describe("Its page in your tool."),
  })
  .strict()
  .refine((body) => body.action === "resolve" || body.title !== undefined, { path: ["title"], message: "An incident needs a title to open." })
  .describe("Shipboard incident webhook body.");
export type IncidentWebhookBody = z.output<typeof incidentWebhookSchema>;
