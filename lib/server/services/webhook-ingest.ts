import "server-only";
// The receiving half of CI/CD webhooks: authenticate the raw bytes, store the delivery durably,
// answer 202. Processing happens in the queue worker (lib/server/webhook-queue.ts), so a slow
// database moment or a burst of deliveries never makes a provider time out and retry.
import { createHash } from "node:crypto";
import { dedupeKey, headerValue, verifyDelivery } from "@/lib/domain/pipeline/verify";
import { PROVIDERS, type Provider } from "@/lib/domain/pipeline/types";
import { errorResponse, json } from "@/lib/api/endpoint";
import { decryptSecret } from "../crypto";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { logger } from "../logger";
import { wakeWebhookWorker } from "../webhook-queue";
import { MAX_WEBHOOK_BYTES, parseWebhookJson } from "./pipeline/body";

const EVENT_HEADERS: Record<Provider, string> = {
  github: "X-GitHub-Event",
  gitlab: "X-Gitlab-Event",
  circleci: "Circleci-Event-Type",
  generic: "X-Shipboard-Event",
};

// Kept out of the stored headers: GitLab's token IS the secret; the others never belong in a log.
const REDACTED = new Set(["x-gitlab-token", "authorization", "cookie", "proxy-authorization"]);

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The body exceeds ${MAX_WEBHOOK_BYTES / 1024 / 1024} MB.`, 413);

/** The body's bytes, or `null` as soon as they exceed `max` (the rest is never buffered). */
async function readLimited(req: Request, max: number): Promise<Buffer | null> {
  if (!req.body) return Buffer.alloc(0);
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

function storedHeaders(headers: Headers): Record<string, string> {
  return Object.fromEntries([...headers].map(([name, value]) => [name, REDACTED.has(name) ? "[redacted]" : value]));
}

// Dedupe ids are the sender's; a very long one is hashed so the unique index stays small.
const storableKey = (key: string | null) => (key === null || key.length <= 200 ? key : `sha256:${createHash("sha256").update(key).digest("hex")}`);

async function reject(integrationId: string, event: string, lastError: string, error: AppError) {
  // A refused delivery is logged without headers or body: they are unauthenticated or unusable.
  const now = new Date();
  await db.webhookDelivery.create({ data: { integrationId, event, status: "rejected", lastError, receivedAt: now, nextAttemptAt: now }, select: { id: true } });
  return errorResponse(error);
}

/**
 * POST /api/webhooks/{provider}/{integrationId}. Answers:
 * 202 `{ accepted: true, id }` stored for processing; 202 `{ accepted: true, duplicate: true }` for
 * a repeated delivery id (stored once, processed once); 404 unknown integration or provider
 * mismatch; 413 body over 5 MB; 401 missing or wrong signature/token (logged as "rejected",
 * without body); 400 body is not JSON (logged as "rejected", without body). Nothing but the
 * rejection record is stored for a refused delivery.
 */
export async function receiveWebhook(req: Request, providerParam: string, integrationId: string): Promise<Response> {
  try {
    const provider = PROVIDERS.find((p) => p === providerParam);
    const integration =
      provider && integrationId.length <= 64
        ? await db.integration.findUnique({ where: { id: integrationId }, select: { id: true, provider: true, secretEncrypted: true } })
        : null;
    if (!provider || !integration || integration.provider !== provider) throw notFound("Webhook");
    if (Number(req.headers.get("content-length") ?? 0) > MAX_WEBHOOK_BYTES) throw tooLarge();
    const raw = await readLimited(req, MAX_WEBHOOK_BYTES);
    if (raw === null) throw tooLarge();

    const event = (headerValue(req.headers, EVENT_HEADERS[provider]) ?? "").slice(0, 100);
    const secret = decryptSecret(integration.secretEncrypted);
    if (secret === null) logger.error({ integrationId }, "webhook secret cannot be decrypted (AUTH_SECRET changed?); rotate the secret");
    if (secret === null || !verifyDelivery(provider, secret, raw, req.headers)) {
      return reject(integration.id, event, "Signature or token missing or wrong.", new AppError("INVALID_SIGNATURE", "The signature or token does not match this webhook's secret.", 401));
    }
    const text = raw.toString("utf8");
    let body: unknown;
    try {
      body = parseWebhookJson(text);
    } catch {
      return reject(integration.id, event, "The body is not valid JSON.", new AppError("INVALID_JSON", "The body is not valid JSON.", 400));
    }

    const deliveryKey = storableKey(dedupeKey(provider, req.headers, body));
    const now = new Date();
    const [stored] = await db.webhookDelivery.createManyAndReturn({
      data: [{ integrationId, deliveryKey, event, status: "pending", headers: storedHeaders(req.headers), body: text, receivedAt: now, nextAttemptAt: now }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!stored) {
      await db.webhookDelivery.create({
        data: { integrationId, event, status: "duplicate", result: { duplicateOf: deliveryKey }, receivedAt: now, nextAttemptAt: now },
        select: { id: true },
      });
      return json({ accepted: true, duplicate: true }, 202);
    }
    wakeWebhookWorker();
    return json({ accepted: true, id: stored.id }, 202);
  } catch (error) {
    return errorResponse(error);
  }
}
