// Opaque secrets (API tokens, invitation links): random, shown once, stored as SHA-256.
import { createHash, randomBytes } from "node:crypto";

export function newSecretToken(prefix: string) {
  const token = `${prefix}_${randomBytes(24).toString("base64url")}`;
  return { token, hash: hashToken(token), display: token.slice(0, prefix.length + 7) };
}

export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}
