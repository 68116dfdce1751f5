// Webhook body rules shared by the receiving endpoint and the queue worker.

/** Largest accepted body; GitHub caps its payloads at 25 MB but CI events stay far below 5 MB. */
export const MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;

const NUL_ESCAPE = "\\u0000";

/**
 * JSON.parse for stored webhook bodies. PostgreSQL text and jsonb cannot hold U+0000, which JSON
 * may encode as an escape; such characters are dropped so a branch name carrying one still stores.
 * Throws SyntaxError like JSON.parse.
 */
export function parseWebhookJson(text: string): unknown {
  if (!text.includes(NUL_ESCAPE)) return JSON.parse(text);
  return JSON.parse(text, (_key, value: unknown) => (typeof value === "string" ? value.replaceAll("\u0000", "") : value));
}
