import "server-only";
// Fixed-window counters in the database, so every app instance shares them.
import { db } from "./db";

export type RateLimitState = { limited: boolean; retryAfterSeconds: number };

/** Current state of a key without counting. */
export async function peekLimit(key: string, limit: number, now = new Date()): Promise<RateLimitState> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  if (!row || row.resetAt <= now || row.count < limit) return { limited: false, retryAfterSeconds: 0 };
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((row.resetAt.getTime() - now.getTime()) / 1000)) };
}

/** Counts one hit against `key` (atomically, whatever the number of instances). */
export async function countHit(key: string, windowMs: number, now = new Date()): Promise<void> {
  const resetAt = new Date(now.getTime() + windowMs);
  await db.$executeRaw`
    INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES (${key}, 1, ${resetAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN ${resetAt} ELSE "RateLimit"."resetAt" END`;
}

export async function clearLimit(key: string) {
  await db.rateLimit.deleteMany({ where: { key } });
}
