// The instance secret signs session cookies and derives the key that encrypts webhook secrets, so
// it never lives in the database (a backup or a read-only SQL user would otherwise hold it):
// - AUTH_SECRET, or the file AUTH_SECRET_FILE names (for secret stores that mount files);
// - on the embedded database only, when neither is set: generated once into `<DATA_DIR>/auth-secret`
//   (mode 0600). PostgreSQL deployments have several instances and must be told the secret.
// Earlier versions kept a generated secret in the Setting table: it is moved out and deleted.
import { randomBytes } from "node:crypto";
import { chmod, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Database } from "./database";
import { env } from "./env";
import { logger } from "./logger";

const LEGACY_KEY = "auth_secret";
export const SECRET_FILE_NAME = "auth-secret";

async function readSecretFile(file: string, variable: string): Promise<string> {
  const secret = await readFile(file, "utf8").then(
    (text) => text.trim(),
    (error: NodeJS.ErrnoException) => Promise.reject(new Error(`${variable}: cannot read ${file} (${error.code ?? error.message}).`)),
  );
  if (!secret) throw new Error(`${variable}: ${file} is empty.`);
  return secret;
}

async function legacySecret(database: Database): Promise<string | null> {
  return (await database.prisma.setting.findUnique({ where: { key: LEGACY_KEY } }))?.value ?? null;
}

async function dropLegacySecret(database: Database, active: string) {
  const legacy = await legacySecret(database);
  if (legacy === null) return;
  if (legacy !== active) logger.warn("the database held another generated AUTH_SECRET; webhook secrets encrypted with it cannot be read: rotate them");
  await database.prisma.setting.deleteMany({ where: { key: LEGACY_KEY } });
}

/** Resolves the secret, sets process.env.AUTH_SECRET to it (Auth.js and crypto.ts read it there) and returns it. */
export async function ensureInstanceSecret(database: Database, dataDir = env.DATA_DIR): Promise<string> {
  const configured = process.env.AUTH_SECRET || (process.env.AUTH_SECRET_FILE ? await readSecretFile(process.env.AUTH_SECRET_FILE, "AUTH_SECRET_FILE") : null);
  if (configured) {
    process.env.AUTH_SECRET = configured;
    await dropLegacySecret(database, configured);
    return configured;
  }
  if (database.kind === "postgres") {
    const hint = (await legacySecret(database))
      ? ` This database holds the secret an earlier version generated: to keep sessions and webhook secrets, set AUTH_SECRET to it (SELECT value FROM "Setting" WHERE key = '${LEGACY_KEY}'); it is then deleted from the database.`
      : "";
    throw new Error(`AUTH_SECRET is required with DATABASE_URL (PostgreSQL): set AUTH_SECRET to the same random value on every instance (e.g. \`openssl rand -base64 32\`), or AUTH_SECRET_FILE to a file holding it.${hint}`);
  }
  const file = path.join(path.resolve(dataDir), SECRET_FILE_NAME);
  let secret = await readFile(file, "utf8").then((text) => text.trim(), () => "");
  if (!secret) {
    secret = (await legacySecret(database)) ?? randomBytes(32).toString("base64url");
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
  }
  await chmod(file, 0o600);
  await dropLegacySecret(database, secret);
  process.env.AUTH_SECRET = secret;
  return secret;
}
