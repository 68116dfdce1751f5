"use server";
import { revalidatePath } from "next/cache";
import { requireCardRole, requireProjectRole } from "@/lib/server/authz";
import type { CardDto } from "@/lib/server/queries/cards";
import { createBacklogCard, estimateCard, planCards, rankCards } from "@/lib/server/services/backlog";
import { currentActor } from "@/lib/server/session";
import { createBacklogCardSchema, estimateCardSchema, planCardsSchema, rankCardsSchema } from "@/lib/validation/backlog";
import { attempt, invalid, type ActionResult } from "./result";

/** Reorders cards in the backlog (product owner and above). */
export async function rankCardsAction(projectKey: string, input: unknown): Promise<ActionResult<Array<{ key: string; rank: string }>>> {
  const actor = await currentActor();
  const access = await attempt(() => requireProjectRole(actor, projectKey, "PRODUCT_OWNER"));
  if (!access.ok) return access;
  const parsed = rankCardsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const result = await attempt(() => rankCards(access.data, parsed.data));
  revalidatePath(`/${access.data.projectKey}`, "layout");
  return result;
}

/** Moves cards into a sprint or back to the backlog; with a position it also ranks them (product owner). */
export async function planCardsAction(projectKey: string, input: unknown): Promise<ActionResult<{ sprintId: string | null; moved: string[] }>> {
  const actor = await currentActor();
  const access = await attempt(() => requireProjectRole(actor, projectKey, "MEMBER"));
  if (!access.ok) return access;
  const parsed = planCardsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const result = await attempt(() => planCards(access.data, actor.userId, parsed.data));
  revalidatePath(`/${access.data.projectKey}`, "layout");
  return result;
}

export async function createBacklogCardAction(projectKey: string, input: unknown): Promise<ActionResult<CardDto>> {
  const actor = await currentActor();
  const access = await attempt(() => requireProjectRole(actor, projectKey, "MEMBER"));
  if (!access.ok) return access;
  const parsed = createBacklogCardSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const result = await attempt(() => createBacklogCard(access.data, actor.userId, parsed.data));
  revalidatePath(`/${access.data.projectKey}`, "layout");
  return result;
}

export async function estimateCardAction(cardKey: string, input: unknown): Promise<ActionResult<CardDto>> {
  const actor = await currentActor();
  const access = await attempt(() => requireCardRole(actor, cardKey, "MEMBER"));
  if (!access.ok) return access;
  const parsed = estimateCardSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const result = await attempt(() => estimateCard(access.data, actor.userId, parsed.data));
  revalidatePath(`/${access.data.projectKey}`, "layout");
  return result;
}
