import "server-only";
// Refused webhook deliveries (wrong signature, not JSON) come from senders that may not be who
// they claim, so what they cost is bounded: one row per integration and reason, counting them and
// keeping the last few; and an address whose deliveries keep being refused gets 429 without any
// write until its window ends. Deliveries that verify are never limited, whatever the address
// (CI providers send from shared addresses).
import { Prisma } from "@/lib/generated/prisma/client";
import { sqlQuery } from "../db";
import { logger } from "../logger";

/** Refusals recorded per address and minute; past that, 429 until the minute is over. */
export const REFUSALS_PER_ADDRESS = 30;
const WINDOW_MS = 60_000;
/** Addresses tracked at once (per process); the oldest windows go first. */
const MAX_TRACKED = 10_000;
/** Refusals kept in full, newest first. */
export const RECENT_REFUSALS = 5;

type Window = { count: number; resetAt: number };
const windows = new Map<string, Window>();

/** Counts one refusal for `address`; the seconds to wait when it is over the limit, else 0. */
function countRefusal(address: string, now: number): number {
  let window = windows.get(address);
  if (!window || window.resetAt <= now) {
    windows.delete(address);
    if (windows.size >= MAX_TRACKED) windows.delete(windows.keys().next().value!);
    window = { count: 0, resetAt: now + WINDOW_MS };
    windows.set(address, window); // insertion order = age, for the eviction above
  }
  window.count++;
  if (window.count === REFUSALS_PER_ADDRESS + 1) logger.warn({ address, windowSeconds: WINDOW_MS / 1000 }, "too many refused webhook deliveries from one address; answering 429");
  return window.count > REFUSALS_PER_ADDRESS ? Math.max(1, Math.ceil((window.resetAt - now) / 1000)) : 0;
}

/**
 * Records a refused delivery in its integration's aggregate. Returns 0, or the seconds the address
 * must wait when it is over REFUSALS_PER_ADDRESS (nothing is written then).
 */
export async function recordRefusal(integrationId: string, reason: string, event: string, address: string): Promise<number> {
  const now = new Date();
  const retryAfter = countRefusal(address, now.getTime());
  if (retryAfter > 0) return retryAfter;
  const entry = JSON.stringify({ at: now.toISOString(), event, address });
  await sqlQuery(Prisma.sql`
    INSERT INTO "WebhookRejection" ("integrationId", "reason", "count", "lastAt", "recent")
    VALUES (${integrationId}, ${reason}, 1, ${now}, jsonb_build_array(${entry}::jsonb))
    ON CONFLICT ("integrationId", "reason") DO UPDATE SET
      "count" = LEAST("WebhookRejection"."count"::bigint + 1, 2147483647),
      "lastAt" = EXCLUDED."lastAt",
      "recent" = jsonb_path_query_array(EXCLUDED."recent" || "WebhookRejection"."recent", ${`$[0 to ${RECENT_REFUSALS - 1}]`}::jsonpath)`);
  return 0;
}

/** Forgets every address's window (tests). */
export function resetRefusalWindows() {
  windows.clear();
}
