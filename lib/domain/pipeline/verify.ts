import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { Provider } from "./types";

/**
 * Request-level helpers for webhook endpoints: authentication and dedupe ids.
 * Pure functions of (secret, raw body, headers). Signatures are always
 * computed over the raw bytes as received, never over re-serialized JSON.
 * Rules: shared fixtures README, "Signing and authentication rules".
 */

/** Raw request body: the exact bytes (Buffer is a Uint8Array) or their UTF-8 text. */
export type RawBody = string | Uint8Array;

/** Fetch `Headers`, or a plain object as Node gives it (any key case). */
export type HeaderBag = Headers | Readonly<Record<string, string | readonly string[] | null | undefined>>;

/** Header lookup, case-insensitive; the first value when repeated; `null` when absent. */
export function headerValue(headers: HeaderBag, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return typeof first === "string" ? first : null;
  }
  return null;
}

function hmacSha256Hex(secret: string, body: RawBody): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

/** Constant-time for equal lengths; signature lengths are public, so a length mismatch may return early. */
function equalSignatures(received: string, expected: string): boolean {
  const a = Buffer.from(received, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Constant-time even in length: a token's length is part of the secret. */
function equalSecrets(received: string, expected: string): boolean {
  const a = createHash("sha256").update(received, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}

/** `X-Hub-Signature-256` value: "sha256=" + lower-case hex HMAC-SHA256 of the body. */
export function signGithub(secret: string, body: RawBody): string {
  return `sha256=${hmacSha256Hex(secret, body)}`;
}

/** `Circleci-Signature` value: "v1=" + hex HMAC-SHA256 of the body. */
export function signCircleci(secret: string, body: RawBody): string {
  return `v1=${hmacSha256Hex(secret, body)}`;
}

/**
 * GitHub: `X-Hub-Signature-256` must equal `signGithub(secret, body)`. The
 * legacy SHA-1 `X-Hub-Signature` is not accepted: GitHub sends both, and
 * accepting SHA-1 alone would let a downgraded request through.
 */
export function verifyGithub(secret: string, body: RawBody, headers: HeaderBag): boolean {
  const received = headerValue(headers, "X-Hub-Signature-256");
  return secret !== "" && received !== null && equalSignatures(received.trim(), signGithub(secret, body));
}

/**
 * GitLab: `X-Gitlab-Token` carries the secret itself (not a signature).
 * The body is not covered by it; the parameter keeps all verifiers alike.
 * GitLab's optional signing token (`webhook-signature`) is not supported.
 */
export function verifyGitlab(secret: string, _body: RawBody, headers: HeaderBag): boolean {
  const received = headerValue(headers, "X-Gitlab-Token");
  return secret !== "" && received !== null && equalSecrets(received, secret);
}

/**
 * CircleCI: `Circleci-Signature` is a comma-separated list like "v1=<hex>";
 * only v1 exists, so only v1 entries are checked and any matching one passes.
 */
export function verifyCircleci(secret: string, body: RawBody, headers: HeaderBag): boolean {
  const received = headerValue(headers, "Circleci-Signature");
  if (secret === "" || received === null) return false;
  const expected = signCircleci(secret, body);
  return received
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.startsWith("v1="))
    .some((part) => equalSignatures(part, expected));
}

/**
 * Generic: GitHub's scheme, in `X-Shipboard-Signature-256`, or in
 * `X-Hub-Signature-256` so tools that already sign like GitHub work unchanged.
 * When both are sent, the Shipboard header decides.
 */
export function verifyGeneric(secret: string, body: RawBody, headers: HeaderBag): boolean {
  const received = headerValue(headers, "X-Shipboard-Signature-256") ?? headerValue(headers, "X-Hub-Signature-256");
  return secret !== "" && received !== null && equalSignatures(received.trim(), signGithub(secret, body));
}

const VERIFIERS: Record<Provider, (secret: string, body: RawBody, headers: HeaderBag) => boolean> = {
  github: verifyGithub,
  gitlab: verifyGitlab,
  circleci: verifyCircleci,
  generic: verifyGeneric,
};

/**
 * Whether a delivery proves knowledge of the integration's secret. Call it
 * whenever a secret is configured; a missing or wrong header is `false`
 * (answer 401/403 and parse nothing). An empty secret never verifies.
 */
export function verifyDelivery(provider: Provider, secret: string, body: RawBody, headers: HeaderBag): boolean {
  return VERIFIERS[provider](secret, body, headers);
}

/**
 * The id under which a delivery is stored once, so a redelivery changes
 * nothing; `null` means "no id, process normally".
 * - GitHub: `X-GitHub-Delivery` (kept on redelivery).
 * - GitLab: `Idempotency-Key` (kept on retries). Not `X-Gitlab-Webhook-UUID`,
 *   which is new on every attempt; old GitLab versions send no key.
 * - CircleCI: the body's top-level `id` (no delivery header exists).
 * - Generic: `X-Shipboard-Delivery`, chosen by the sender.
 */
export function dedupeKey(provider: Provider, headers: HeaderBag, body: unknown): string | null {
  let value: unknown;
  if (provider === "github") value = headerValue(headers, "X-GitHub-Delivery");
  else if (provider === "gitlab") value = headerValue(headers, "Idempotency-Key");
  else if (provider === "generic") value = headerValue(headers, "X-Shipboard-Delivery");
  else value = typeof body === "object" && body !== null ? (body as { id?: unknown }).id : null;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}
