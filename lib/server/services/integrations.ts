import "server-only";
// CI/CD integrations of a project: create, rotate the secret, delete, and reprocess a delivery.
// A secret is returned once, when it is made; only its encrypted form is stored.
import type { CreateIntegrationInput } from "@/lib/validation/integrations";
import type { ProjectAccess } from "../authz";
import { encryptSecret, newWebhookSecret } from "../crypto";
import { db } from "../db";
import { conflict } from "../errors";
import { webhookUrl, type DeliveryAccess, type IntegrationAccess } from "../queries/integrations";
import { wakeWebhookWorker } from "../webhook-queue";
import { forgetIntegration } from "./webhook-ingest";

export async function createIntegration(access: ProjectAccess, input: CreateIntegrationInput, baseUrl: string) {
  const secret = newWebhookSecret();
  const integration = await db.integration.create({
    data: {
      projectId: access.projectId,
      provider: input.provider,
      name: input.name,
      repository: input.repository ?? null,
      secretEncrypted: encryptSecret(secret),
      ...(input.stageRules && { stageRules: input.stageRules }),
    },
    select: { id: true, provider: true, name: true, repository: true, createdAt: true },
  });
  return { ...integration, createdAt: integration.createdAt.toISOString(), secret, webhookUrl: webhookUrl(baseUrl, integration.provider, integration.id) };
}

/** A new secret replaces the old one at once: deliveries signed with the old one get 401 from now on. */
export async function rotateIntegrationSecret(access: IntegrationAccess, baseUrl: string) {
  const secret = newWebhookSecret();
  const integration = await db.integration.update({
    where: { id: access.integrationId },
    data: { secretEncrypted: encryptSecret(secret) },
    select: { id: true, provider: true, name: true },
  });
  forgetIntegration(integration.id);
  return { ...integration, secret, webhookUrl: webhookUrl(baseUrl, integration.provider, integration.id) };
}

/** Deletes the integration with its delivery log and the runs, pull requests and deployments it brought. */
export async function deleteIntegration(access: IntegrationAccess) {
  await db.integration.delete({ where: { id: access.integrationId }, select: { id: true } });
  forgetIntegration(access.integrationId);
}

/**
 * Queues a stored delivery again, e.g. after fixing the repository filter or the stage rules.
 * Processing is idempotent, so reprocessing a processed delivery changes only what the new
 * settings change. Repeated deliveries have no body to process.
 */
export async function reprocessDelivery(access: DeliveryAccess) {
  const now = new Date();
  const queued = await db.webhookDelivery.updateMany({
    where: { id: access.deliveryId, body: { not: null }, status: { not: "duplicate" } },
    data: { status: "pending", attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null, processedAt: null },
  });
  if (queued.count === 0) throw conflict("NOT_REPROCESSABLE", "Only stored deliveries can be reprocessed; a repeated one has no body.");
  wakeWebhookWorker();
  return { id: access.deliveryId, status: "pending" as const };
}
