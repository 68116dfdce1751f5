import "server-only";
// The receiving half of CI/CD webhooks: authenticate the raw bytes, store the delivery durably,
// answer 202. Processing happens in the queue worker (lib/server/webhook-queue.ts), so a slow
// database moment or a burst of deliveries never makes a provider time out and retry.
import { createHash, randomUUID } from "node:crypto";
import { dedupeKey, headerValue, verifyDelivery } from "@/lib/domain/pipeline/verify";
import { PROVIDERS, type Provider } from "@/lib/domain/pipeline/types";
import { errorResponse, json } from "@/lib/api/endpoint";
import { idSchema } from "@/lib/validation/common";
import { decryptSecret } from "../crypto";
import { currentDatabase } from "../database";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { logger } from "../logger";
import { clientAddress } from "../sign-in-throttle";
import { wakeWebhookWorker } from "../webhook-queue";
import { MAX_WEBHOOK_BYTES, parseWebhookJson } from "./pipeline/body";
import { insertStatement } from "./pipeline/sql";
import { recordRefusal } from "./webhook-rejections";

const EVENT_HEADERS: Record<Provider, string> = {
  github: "X-GitHub-Event",
  gitlab: "X-Gitlab-Event",
  circleci: "Circleci-Event-Type",
  generic: "X-Shipboard-Event",
};

// Kept out of the stored headers: GitLab's token IS the secret; the others never belong in a log.
const REDACTED = new Set(["x-gitlab-token", "authorization", "cookie", "proxy-authorization"]);

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The body exceeds ${MAX_WEBHOOK_BYTES / 1024 / 1024} MB.`, 413);
const noSuchWebhook = () => notFound("Webhook");

// Integrations are looked up on every delivery; a short cache saves that query under load. A
// signature that fails against a cached secret is checked again against a fresh read, so a
// rotation on another instance never refuses a delivery signed with the new secret; the old
// secret may be accepted for up to CACHE_MS there.
const CACHE_MS = 5_000;
const CACHE_MAX = 1_000;
type KnownIntegration = { id: string; provider: string; secret: string | null; expires: number };
const integrationCache = new Map<string, KnownIntegration>();

async function loadIntegration(id: string, fresh: boolean): Promise<KnownIntegration | null> {
  const cached = integrationCache.get(id);
  if (!fresh && cached && cached.expires > Date.now()) return cached;
  const row = await db.integration.findUnique({ where: { id }, select: { id: true, provider: true, secretEncrypted: true } });
  if (!row) {
    integrationCache.delete(id);
    return null;
  }
  const secret = decryptSecret(row.secretEncrypted);
  if (secret === null) logger.error({ integrationId: id }, "webhook secret cannot be decrypted (AUTH_SECRET changed?); rotate the secret");
  const known = { id: row.id, provider: row.provider, secret, expires: Date.now() + CACHE_MS };
  if (integrationCache.size >= CACHE_MAX) integrationCache.clear();
  integrationCache.set(id, known);
  return known;
}

/** Drops an integration from this process's cache (rotation, deletion). */
export function forgetIntegration(id: string) {
  integrationCache.delete(id);
}

// Deliveries arriving together are stored with one multi-row INSERT (group commit): one insert
// at a time, and whatever arrives meanwhile goes into the next one. (Two at a time made smaller
// groups and more commits: about 30% fewer acknowledgements per second in bench:webhooks.)
const MAX_ROWS = 100;
type NewDelivery = { id: string; integrationId: string; deliveryKey: string | null; event: string; status: string; headers: Record<string, string>; body: string; receivedAt: Date; nextAttemptAt: Date };
const waiting: Array<{ row: NewDelivery; done: (error: unknown, stored?: boolean) => void }> = [];
let flushing = false;

const DELIVERY_COLUMNS = ["id", "integrationId", "deliveryKey", "event", "status", "headers", "body", "receivedAt", "nextAttemptAt"] as const satisfies ReadonlyArray<keyof NewDelivery>;

// The intake's one write, per group of deliveries, outside Prisma (Database.query): it is the
// hottest statement of the product.
async function insertDeliveries(rows: NewDelivery[]): Promise<Set<string>> {
  const values = rows.map((row) => DELIVERY_COLUMNS.map((column) => (column === "headers" ? JSON.stringify(row.headers) : row[column])));
  const { text, values: params } = insertStatement("WebhookDelivery", DELIVERY_COLUMNS, values, ["id"]);
  const stored = await currentDatabase().query<{ id: string }>(text, params);
  return new Set(stored.map((row) => row.id));
}

async function flush() {
  const batch = waiting.splice(0, MAX_ROWS);
  try {
    const stored = await insertDeliveries(batch.map((entry) => entry.row));
    for (const entry of batch) entry.done(null, stored.has(entry.row.id));
  } catch (error) {
    // One bad row (its integration was just deleted) must not fail the others.
    if (batch.length === 1) batch[0]!.done(error);
    else for (const entry of batch) await insertDeliveries([entry.row]).then((stored) => entry.done(null, stored.has(entry.row.id)), (e: unknown) => entry.done(e));
  } finally {
    flushing = false;
    scheduleFlush();
  }
}

function scheduleFlush() {
  if (flushing || waiting.length === 0) return;
  flushing = true;
  setImmediate(() => void flush());
}

/** PostgreSQL's 23503, as the drivers report it (Database.query bypasses Prisma). */
function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "23503";
}

/** Stores a pending delivery; `false` when one with the same dedupe key is already stored. */
function storeDelivery(row: NewDelivery): Promise<boolean> {
  return new Promise((resolve, reject) => {
    waiting.push({ row, done: (error, stored) => (error ? reject(error) : resolve(stored!)) });
    scheduleFlush();
  });
}

/** The body's bytes, or `null` as soon as they exceed `max` (the rest is never buffered). */
async function readLimited(req: Request, max: number): Promise<Buffer | null> {
  if (!req.body) return Buffer.alloc(0);
  // With a Content-Length (checked against `max` by the caller) the HTTP framing bounds the body,
  // and reading it whole is cheaper than chunk by chunk; chunked bodies are counted as they come.
  if (req.headers.has("content-length")) {
    const whole = Buffer.from(await req.arrayBuffer());
    return whole.length > max ? null : whole;
  }
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, size);
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
}

/** The body's bytes; throws 413 over MAX_WEBHOOK_BYTES (declared or counted). */
export async function readWebhookBody(req: Request): Promise<Buffer> {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_WEBHOOK_BYTES) throw tooLarge();
  const raw = await readLimited(req, MAX_WEBHOOK_BYTES);
  if (raw === null) throw tooLarge();
  return raw;
}

function storedHeaders(headers: Headers): Record<string, string> {
  return Object.fromEntries([...headers].map(([name, value]) => [name, REDACTED.has(name) ? "[redacted]" : value]));
}

// Dedupe ids are the sender's; a very long one is hashed so the unique index stays small.
const storableKey = (key: string | null) => (key === null || key.length <= 200 ? key : `sha256:${createHash("sha256").update(key).digest("hex")}`);

/** A refused delivery is counted in the integration's aggregate (no headers, no body: they are unauthenticated or unusable). */
export async function reject(req: Request, integrationId: string, event: string, error: AppError) {
  const retryAfter = await recordRefusal(integrationId, error.code, event, clientAddress(req));
  if (retryAfter > 0) return errorResponse(new AppError("RATE_LIMITED", `Too many refused deliveries from this address; try again in ${retryAfter} seconds.`, 429, { retryAfter }));
  return errorResponse(error);
}

/**
 * POST /api/webhooks/{provider}/{integrationId}. Answers:
 * 202 `{ accepted: true, id }` stored for processing; 202 `{ accepted: true, duplicate: true }` for
 * a repeated delivery id (stored once, processed once); 404 unknown integration or provider
 * mismatch; 413 body over 5 MB; 401 missing or wrong signature/token; 400 body is not JSON;
 * 429 when the address sent more than REFUSALS_PER_ADDRESS refused deliveries this minute.
 * A refused delivery only counts in the integration's aggregate of refusals (webhook-rejections.ts).
 */
export async function receiveWebhook(req: Request, providerParam: string, integrationId: string): Promise<Response> {
  try {
    const provider = PROVIDERS.find((p) => p === providerParam);
    let integration = provider && idSchema.safeParse(integrationId).success ? await loadIntegration(integrationId, false) : null;
    if (!provider || !integration || integration.provider !== provider) throw noSuchWebhook();
    const raw = await readWebhookBody(req);

    const event = (headerValue(req.headers, EVENT_HEADERS[provider]) ?? "").slice(0, 100);
    const verified = (known: KnownIntegration | null) => known?.secret != null && known.provider === provider && verifyDelivery(provider, known.secret, raw, req.headers);
    if (!verified(integration)) {
      integration = await loadIntegration(integrationId, true);
      if (!integration) throw noSuchWebhook();
      if (!verified(integration)) {
        return reject(req, integration.id, event, new AppError("INVALID_SIGNATURE", "The signature or token does not match this webhook's secret.", 401));
      }
    }
    const text = raw.toString("utf8");
    let body: unknown;
    try {
      body = parseWebhookJson(text);
    } catch {
      return reject(req, integration.id, event, new AppError("INVALID_JSON", "The body is not valid JSON.", 400));
    }

    const deliveryKey = storableKey(dedupeKey(provider, req.headers, body));
    const now = new Date();
    const row = { id: randomUUID(), integrationId: integration.id, deliveryKey, event, status: "pending", headers: storedHeaders(req.headers), body: text, receivedAt: now, nextAttemptAt: now };
    if (!(await storeDelivery(row))) {
      await db.webhookDelivery.create({
        data: { integrationId: integration.id, event, status: "duplicate", result: { duplicateOf: deliveryKey }, receivedAt: now, nextAttemptAt: now },
        select: { id: true },
      });
      return json({ accepted: true, duplicate: true }, 202);
    }
    wakeWebhookWorker();
    return json({ accepted: true, id: row.id }, 202);
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      forgetIntegration(integrationId); // deleted while cached
      return errorResponse(noSuchWebhook());
    }
    return errorResponse(error);
  }
}
