import "server-only";
// Secrets the server must read back in plain text (webhook secrets: HMAC verification needs them)
// are stored AES-256-GCM encrypted under a key derived from AUTH_SECRET. Changing AUTH_SECRET makes
// stored secrets unreadable: rotate each integration's secret afterwards.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const INFO = "shipboard/integration-secret/v1";

let cached: { secret: string; key: Buffer } | undefined;

function key(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set; the server sets it at start-up.");
  if (cached?.secret !== secret) {
    // HKDF, not a password KDF: AUTH_SECRET is already a high-entropy random value.
    cached = { secret, key: Buffer.from(hkdfSync("sha256", secret, "shipboard", INFO, 32)) };
  }
  return cached.key;
}

/** `v1.<iv>.<tag>.<ciphertext>` in base64url; a fresh random IV every time. */
export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), data].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** The plain secret, or `null` when the value was not encrypted with the current key (or was altered). */
export function decryptSecret(stored: string): string | null {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== VERSION || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** A new webhook secret: 32 url-safe characters, easy to paste into any CI's settings. */
export function newWebhookSecret(): string {
  return randomBytes(24).toString("base64url");
}
