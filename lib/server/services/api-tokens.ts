import "server-only";
import type { Actor } from "../authenticate";
import { db } from "../db";
import { notFound } from "../errors";
import { newSecretToken } from "../tokens";

/** Creates a personal API token. The token itself is returned once; only its hash is stored. */
export async function createApiToken(actor: Actor, name: string) {
  const { token, hash, display } = newSecretToken("sb");
  const row = await db.apiToken.create({
    data: { userId: actor.userId, name, prefix: display, tokenHash: hash },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  return { ...row, createdAt: row.createdAt.toISOString(), token };
}

export async function listApiTokens(actor: Actor) {
  const rows = await db.apiToken.findMany({
    where: { userId: actor.userId },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}

export async function revokeApiToken(actor: Actor, tokenId: string) {
  const revoked = await db.apiToken.updateMany({ where: { id: tokenId, userId: actor.userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (revoked.count === 0) throw notFound("Token");
}
