"use server";
import { revalidatePath } from "next/cache";
import { requireCardRole, requireProjectRole } from "@/lib/server/authz";
import { currentActor } from "@/lib/server/session";
import { createCard, updateCard } from "@/lib/server/services/cards";
import { createCardSchema, updateCardSchema } from "@/lib/validation/cards";
import type { CardDto } from "@/lib/server/queries/cards";
import { attempt, invalid, type ActionResult } from "./result";

export async function createCardAction(projectKey: string, input: unknown): Promise<ActionResult<CardDto>> {
  const actor = await currentActor();
  const access = await attempt(() => requireProjectRole(actor, projectKey, "MEMBER"));
  if (!access.ok) return access;
  const parsed = createCardSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const result = await attempt(() => createCard(access.data, actor.userId, parsed.data));
  revalidatePath(`/${access.data.projectKey}`, "layout");
  return result;
}

export async function updateCardAction(cardKey: string, input: unknown): Promise<ActionResult<CardDto>> {
  const actor = await currentActor();
  const access = await attempt(() => requireCardRole(actor, cardKey, "MEMBER"));
  if (!access.ok) return access;
  const parsed = updateCardSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const result = await attempt(() => updateCard(access.data, actor.userId, parsed.data));
  revalidatePath(`/${access.data.projectKey}`, "layout");
  return result;
}
