"use server";
// CI/CD integrations from the settings page. Every action: authorize (ADMIN) → validate → one
// service → revalidate. Secrets come back once, in the action's result, and are never stored
// in plain text.
import { revalidatePath } from "next/cache";
import { requireProjectRole } from "@/lib/server/authz";
import { pageBaseUrl, requireDeliveryRole, requireIntegrationRole } from "@/lib/server/queries/integrations";
import { currentActor } from "@/lib/server/session";
import { createIntegration, deleteIntegration, reprocessDelivery, rotateIntegrationSecret } from "@/lib/server/services/integrations";
import { createIntegrationSchema } from "@/lib/validation/integrations";
import { idSchema } from "@/lib/validation/common";
import { attempt, invalid, type ActionResult } from "./result";

/** A secret shown once: after creating an integration or rotating its secret. */
export type CreatedSecret = { id: string; provider: string; name: string; secret: string; webhookUrl: string };

const settingsPath = (projectKey: string) => `/${projectKey}/settings/integrations`;

export async function createIntegrationAction(projectKey: string, input: unknown): Promise<ActionResult<CreatedSecret>> {
  const actor = await currentActor();
  const access = await attempt(() => requireProjectRole(actor, projectKey, "ADMIN"));
  if (!access.ok) return access;
  const parsed = createIntegrationSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const base = await pageBaseUrl();
  const result = await attempt(() => createIntegration(access.data, parsed.data, base));
  revalidatePath(settingsPath(access.data.projectKey));
  return result;
}

export async function rotateSecretAction(integrationId: string): Promise<ActionResult<CreatedSecret>> {
  const actor = await currentActor();
  const id = idSchema.safeParse(integrationId);
  if (!id.success) return invalid(id.error.issues);
  const access = await attempt(() => requireIntegrationRole(actor, id.data, "ADMIN"));
  if (!access.ok) return access;
  const base = await pageBaseUrl();
  const result = await attempt(() => rotateIntegrationSecret(access.data, base));
  revalidatePath(settingsPath(access.data.projectKey));
  return result;
}

export async function deleteIntegrationAction(integrationId: string): Promise<ActionResult> {
  const actor = await currentActor();
  const id = idSchema.safeParse(integrationId);
  if (!id.success) return invalid(id.error.issues);
  const access = await attempt(() => requireIntegrationRole(actor, id.data, "ADMIN"));
  if (!access.ok) return access;
  const result = await attempt(() => deleteIntegration(access.data));
  revalidatePath(settingsPath(access.data.projectKey));
  return result.ok ? { ok: true, data: undefined } : result;
}

export async function reprocessDeliveryAction(deliveryId: string): Promise<ActionResult> {
  const actor = await currentActor();
  const id = idSchema.safeParse(deliveryId);
  if (!id.success) return invalid(id.error.issues);
  const access = await attempt(() => requireDeliveryRole(actor, id.data, "ADMIN"));
  if (!access.ok) return access;
  const result = await attempt(() => reprocessDelivery(access.data));
  revalidatePath(settingsPath(access.data.projectKey));
  return result.ok ? { ok: true, data: undefined } : result;
}
