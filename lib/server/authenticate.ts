// Who is calling: a personal API token (`Authorization: Bearer sb_…`) or the Auth.js session cookie.
// Pure over the Request, so API handlers work the same under Next and in tests.
import { getToken } from "next-auth/jwt";
import { Prisma } from "@/lib/generated/prisma/client";
import { refuseCrossSiteWrite } from "./cross-site";
import { activeSessionUser } from "./sessions";
import { db, sqlQuery } from "./db";
import { unauthorized } from "./errors";
import { hashToken } from "./tokens";

export type Actor = { userId: string; via: "session" | "token" };

export async function authenticate(req: Request): Promise<Actor> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthorized("Malformed Authorization header; use `Bearer <token>`.");
    // Outside Prisma: this runs on every API call.
    const [token] = await sqlQuery<{ id: string; userId: string; revokedAt: Date | null; lastUsedAt: Date | null }>(
      Prisma.sql`SELECT id, "userId", "revokedAt", "lastUsedAt" FROM "ApiToken" WHERE "tokenHash" = ${hashToken(match[1])}`,
    );
    if (!token || token.revokedAt) throw unauthorized("This API token is invalid or revoked.");
    // Coarse last-used tracking: one write per token per minute at most.
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
      await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
    }
    return { userId: token.userId, via: "token" };
  }
  const session = await sessionUserId(req);
  if (!session) throw unauthorized();
  refuseCrossSiteWrite(req);
  return { userId: session, via: "session" };
}

async function sessionUserId(req: Request): Promise<string | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  const secureCookie = new URL(req.url).protocol === "https:";
  return activeSessionUser(await getToken({ req, secret, secureCookie }));
}
