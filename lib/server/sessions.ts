import "server-only";
// Session cookies are signed JWTs any instance can verify, so ending one needs state: each cookie
// carries a session id (`sid`) and the user's session version (`sv`). Signing out records the id;
// "sign out everywhere" raises the version. Both are checked in the per-request user lookup.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, sqlQuery } from "./db";

/** The claims of a session cookie this module reads (Auth.js's decoded JWT). */
export type SessionClaims = { sub?: string | null; sid?: unknown; sv?: unknown; exp?: unknown };

/** The claims a new session starts with. */
export async function newSessionClaims(userId: string): Promise<{ sid: string; sv: number }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return { sid: randomUUID(), sv: user.sessionVersion };
}

/** The user the session stands for, or null when the user is gone or the session was ended. */
export async function activeSessionUser(claims: SessionClaims | null | undefined): Promise<string | null> {
  const userId = claims?.sub;
  if (!userId) return null;
  const sid = typeof claims.sid === "string" ? claims.sid : null;
  const [row] = await sqlQuery<{ sessionVersion: number; ended: boolean }>(Prisma.sql`
    SELECT u."sessionVersion", EXISTS (SELECT 1 FROM "EndedSession" e WHERE e.id = ${sid}) AS ended
    FROM "User" u WHERE u.id = ${userId}`);
  // Cookies issued before session versions existed carry none: they count as version 0.
  const version = typeof claims.sv === "number" ? claims.sv : 0;
  return row && !row.ended && row.sessionVersion === version ? userId : null;
}

const FALLBACK_LIFETIME_MS = 30 * 24 * 3600_000;

/** Ends one session (sign-out). A cookie without a session id can only be ended with all the others. */
export async function endSession(claims: SessionClaims | null | undefined, now = new Date()): Promise<void> {
  if (!claims?.sub) return;
  if (typeof claims.sid !== "string") return endAllSessions(claims.sub);
  const expiresAt = typeof claims.exp === "number" ? new Date(claims.exp * 1000) : new Date(now.getTime() + FALLBACK_LIFETIME_MS);
  await db.$transaction([
    db.endedSession.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.endedSession.upsert({ where: { id: claims.sid }, create: { id: claims.sid, expiresAt }, update: {} }),
  ]);
}

/** Ends every session of the user, on every device ("sign out everywhere"). */
export async function endAllSessions(userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
