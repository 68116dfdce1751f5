// The instance secret (signs sessions, derives the webhook-secret encryption key): AUTH_SECRET when
// set, otherwise generated once and kept in the database so every instance and every tool agrees.
import { randomBytes } from "node:crypto";
import type { Database } from "./database";

export async function ensureInstanceSecret(database: Database): Promise<string> {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const generated = randomBytes(32).toString("base64url");
  await database.prisma.setting.createMany({ data: [{ key: "auth_secret", value: generated }], skipDuplicates: true });
  const stored = await database.prisma.setting.findUniqueOrThrow({ where: { key: "auth_secret" } });
  process.env.AUTH_SECRET = stored.value;
  return stored.value;
}
