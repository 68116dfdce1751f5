"use server";
import { requireCardRole, requireProjectRole } from "@/lib/server/authz";
import type { CardDto } from "@/lib/server/queries/cards";
import { createCard, updateCard } from "@/lib/server/services/cards";
import { createCardSchema, updateCardSchema } from "@/lib/validation/cards";
import { projectAction } from "./project-action";
import type { ActionResult } from "./result";

export async function createCardAction(projectKey: string, input: unknown): Promise<ActionResult<CardDto>> {
  return projectAction({
    authorize: (actor) => requireProjectRole(actor, projectKey, "MEMBER"),
    schema: createCardSchema,
    input,
    run: (access, data, actor) => createCard(access, actor.userId, data),
  });
}

export async function updateCardAction(cardKey: string, input: unknown): Promise<ActionResult<CardDto>> {
  return projectAction({
    authorize: (actor) => requireCardRole(actor, cardKey, "MEMBER"),
    schema: updateCardSchema,
    input,
    run: (access, data, actor) => updateCard(access, actor.userId, data),
  });
}
