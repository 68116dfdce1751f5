import "server-only";
// Counters in the database, so every app instance shares them. Every check that admits an attempt
// counts it in the same statement: parallel attempts cannot all see "under the limit" and pass.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./db";

export type RateLimitState = { limited: boolean; retryAfterSeconds: number };

const secondsUntil = (at: Date, now: Date) => Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));

/** Counts one hit against a fixed-window `key` and answers whether it is past `limit` (one atomic statement). */
export async function countHit(key: string, windowMs: number, limit = Infinity, now = new Date()): Promise<RateLimitState> {
  const resetAt = new Date(now.getTime() + windowMs);
  const [row] = await db.$queryRaw<Array<{ count: number; resetAt: Date }>>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES (${key}, 1, ${resetAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN ${resetAt} ELSE "RateLimit"."resetAt" END
    RETURNING "count", "resetAt"`;
  return row!.count > limit ? { limited: true, retryAfterSeconds: secondsUntil(row!.resetAt, now) } : { limited: false, retryAfterSeconds: 0 };
}

/** Takes back one hit (an attempt that turned out fine). */
export async function uncountHit(key: string) {
  await db.$executeRaw`UPDATE "RateLimit" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = ${key}`;
}

export async function clearLimit(key: string) {
  await db.rateLimit.deleteMany({ where: { key } });
}

export type Backoff = { free: number; baseSeconds: number; capSeconds: number };

// By the database's clock (UTC, like every stored timestamp), so instances with skewed clocks agree.
const dbNow = Prisma.sql`(clock_timestamp() AT TIME ZONE 'UTC')`;
const waitAfter = (attempts: Prisma.Sql, b: Backoff) =>
  Prisma.sql`make_interval(secs => CASE WHEN ${attempts} >= ${b.free}::int THEN LEAST(${b.baseSeconds}::float8 * power(2, ${attempts} - ${b.free}::int), ${b.capSeconds}::float8) ELSE 0 END)`;

/**
 * Exponential backoff on `key`: the first `free` attempts go through at once, then each further one
 * waits baseSeconds·2^k (at most capSeconds) after the one before; a day of quiet starts over.
 * Admitting an attempt and counting it are one statement. Answers 0 when admitted, else the
 * seconds to wait (nothing is counted then).
 */
export async function takeBackoffAttempt(key: string, backoff: Backoff): Promise<number> {
  const counted = Prisma.sql`CASE WHEN r."resetAt" < ${dbNow} - interval '1 day' THEN 1 ELSE r."count" + 1 END`;
  const [row] = await db.$queryRaw<Array<{ admitted: boolean; wait: number | null }>>`
    WITH claimed AS (
      INSERT INTO "RateLimit" AS r ("key", "count", "resetAt") VALUES (${key}, 1, ${dbNow} + ${waitAfter(Prisma.sql`1`, backoff)})
      ON CONFLICT ("key") DO UPDATE SET "count" = ${counted}, "resetAt" = ${dbNow} + ${waitAfter(counted, backoff)}
      WHERE r."resetAt" <= ${dbNow}
      RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM claimed) AS admitted,
           (SELECT CEIL(EXTRACT(EPOCH FROM ("resetAt" - ${dbNow})))::int FROM "RateLimit" WHERE "key" = ${key}) AS wait`;
  return row!.admitted ? 0 : Math.max(1, row!.wait ?? 1);
}
