"use server";
import { requireCardRole, requireProjectRole } from "@/lib/server/authz";
import type { CardDto } from "@/lib/server/queries/cards";
import { createBacklogCard, estimateCard, planCards, rankCards } from "@/lib/server/services/backlog";
import { createBacklogCardSchema, estimateCardSchema, planCardsSchema, rankCardsSchema } from "@/lib/validation/backlog";
import { projectAction } from "./project-action";
import type { ActionResult } from "./result";

/** Reorders cards in the backlog (product owner and above). */
export async function rankCardsAction(projectKey: string, input: unknown): Promise<ActionResult<Array<{ key: string; rank: string }>>> {
  return projectAction({
    authorize: (actor) => requireProjectRole(actor, projectKey, "PRODUCT_OWNER"),
    schema: rankCardsSchema,
    input,
    run: (access, data) => rankCards(access, data),
  });
}

/** Moves cards into a sprint or back to the backlog; with a position it also ranks them (product owner). */
export async function planCardsAction(projectKey: string, input: unknown): Promise<ActionResult<{ sprintId: string | null; moved: string[] }>> {
  return projectAction({
    authorize: (actor) => requireProjectRole(actor, projectKey, "MEMBER"),
    schema: planCardsSchema,
    input,
    run: (access, data, actor) => planCards(access, actor.userId, data),
  });
}

export async function createBacklogCardAction(projectKey: string, input: unknown): Promise<ActionResult<CardDto>> {
  return projectAction({
    authorize: (actor) => requireProjectRole(actor, projectKey, "MEMBER"),
    schema: createBacklogCardSchema,
    input,
    run: (access, data, actor) => createBacklogCard(access, actor.userId, data),
  });
}

export async function estimateCardAction(cardKey: string, input: unknown): Promise<ActionResult<CardDto>> {
  return projectAction({
    authorize: (actor) => requireCardRole(actor, cardKey, "MEMBER"),
    schema: estimateCardSchema,
    input,
    run: (access, data, actor) => estimateCard(access, actor.userId, data),
  });
}
