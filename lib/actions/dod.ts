"use server";
// Definition of Done / Ready and automation rules from the UI: the same services as the API.
import { revalidatePath } from "next/cache";
import { requireCardRole, requireProjectRole } from "@/lib/server/authz";
import { currentActor } from "@/lib/server/session";
import { saveAutomationRules } from "@/lib/server/services/automation";
import { addCardItem, saveDefinition, tickItem } from "@/lib/server/services/dod";
import { addItemSchema, automationSchema, definitionSchema, tickItemSchema } from "@/lib/validation/dod";
import { idSchema } from "@/lib/validation/common";
import { attempt, invalid, type ActionResult } from "./result";

/** Replaces the project's Definition of Done (and of Ready, when `ready` is given). */
export async function saveDefinitionAction(projectKey: string, input: unknown): Promise<ActionResult<void>> {
  const actor = await currentActor();
  const access = await attempt(() => requireProjectRole(actor, projectKey, "PRODUCT_OWNER"));
  if (!access.ok) return access;
  const parsed = definitionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const result = await attempt(() => saveDefinition(access.data, parsed.data));
  revalidatePath(`/${access.data.projectKey}`, "layout");
  return result;
}

/** Replaces the project's automation rules. */
export async function saveAutomationAction(projectKey: string, input: unknown): Promise<ActionResult<void>> {
  const actor = await currentActor();
  const access = await attempt(() => requireProjectRole(actor, projectKey, "PRODUCT_OWNER"));
  if (!access.ok) return access;
  const parsed = automationSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const result = await attempt(() => saveAutomationRules(access.data, parsed.data));
  revalidatePath(`/${access.data.projectKey}/settings/automation`);
  return result;
}

/** Ticks or un-ticks a manual item of a card. */
export async function tickItemAction(cardKey: string, itemId: string, input: unknown): Promise<ActionResult<void>> {
  const actor = await currentActor();
  const access = await attempt(() => requireCardRole(actor, cardKey, "MEMBER"));
  if (!access.ok) return access;
  const parsed = tickItemSchema.safeParse(input);
  const id = idSchema.safeParse(itemId);
  if (!parsed.success) return invalid(parsed.error.issues);
  if (!id.success) return invalid(id.error.issues);
  const result = await attempt(() => tickItem(access.data, actor.userId, id.data, parsed.data.done));
  revalidatePath(`/${access.data.projectKey}/cards/${access.data.cardKey}`);
  return result;
}

/** Adds a manual item to one card. */
export async function addItemAction(cardKey: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const actor = await currentActor();
  const access = await attempt(() => requireCardRole(actor, cardKey, "MEMBER"));
  if (!access.ok) return access;
  const parsed = addItemSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const result = await attempt(() => addCardItem(access.data, actor.userId, parsed.data.text));
  revalidatePath(`/${access.data.projectKey}/cards/${access.data.cardKey}`);
  return result;
}
