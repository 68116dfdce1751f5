"use server";
// CI/CD integrations from the settings page. Every action: authorize (ADMIN) → validate → one
// service → revalidate. Secrets come back once, in the action's result, and are never stored
// in plain text.
import { z } from "zod";
import type { Actor } from "@/lib/server/authenticate";
import { requireProjectRole } from "@/lib/server/authz";
import { requireDeliveryRole, requireIntegrationRole } from "@/lib/server/queries/integrations";
import { pageBaseUrl } from "@/lib/server/public-url";
import { createIntegration, deleteIntegration, reprocessDelivery, rotateIntegrationSecret } from "@/lib/server/services/integrations";
import { createIntegrationSchema } from "@/lib/validation/integrations";
import { idSchema } from "@/lib/validation/common";
import { projectAction } from "./project-action";
import { invalid, type ActionResult } from "./result";

/** A secret shown once: after creating an integration or rotating its secret. */
export type CreatedSecret = { id: string; provider: string; name: string; secret: string; webhookUrl: string };

const settingsPath = (projectKey: string) => `/${projectKey}/settings/integrations`;

export async function createIntegrationAction(projectKey: string, input: unknown): Promise<ActionResult<CreatedSecret>> {
  return projectAction({
    authorize: (actor) => requireProjectRole(actor, projectKey, "ADMIN"),
    schema: createIntegrationSchema,
    input,
    run: async (access, data) => createIntegration(access, data, await pageBaseUrl()),
    revalidate: (access) => settingsPath(access.projectKey),
  });
}

/** Validates the id first: it names what the caller must be an admin of. */
async function onIntegrationItem<A extends { projectKey: string }, T>(id: string, authorize: (actor: Actor, id: string) => Promise<A>, run: (access: A) => Promise<T>): Promise<ActionResult<T>> {
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) return invalid(parsed.error.issues);
  return projectAction({
    authorize: (actor) => authorize(actor, parsed.data),
    schema: z.undefined(),
    input: undefined,
    run,
    revalidate: (access) => settingsPath(access.projectKey),
  });
}

export async function rotateSecretAction(integrationId: string): Promise<ActionResult<CreatedSecret>> {
  return onIntegrationItem(integrationId, (actor, id) => requireIntegrationRole(actor, id, "ADMIN"), async (access) => rotateIntegrationSecret(access, await pageBaseUrl()));
}

export async function deleteIntegrationAction(integrationId: string): Promise<ActionResult> {
  return onIntegrationItem(integrationId, (actor, id) => requireIntegrationRole(actor, id, "ADMIN"), async (access) => void (await deleteIntegration(access)));
}

export async function reprocessDeliveryAction(deliveryId: string): Promise<ActionResult> {
  return onIntegrationItem(deliveryId, (actor, id) => requireDeliveryRole(actor, id, "ADMIN"), async (access) => void (await reprocessDelivery(access)));
}
