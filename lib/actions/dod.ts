"use server";
// Definition of Done / Ready and automation rules from the UI: the same services as the API.
import { z } from "zod";
import { requireCardRole, requireProjectRole, type CardAccess } from "@/lib/server/authz";
import { saveAutomationRules } from "@/lib/server/services/automation";
import { addCardItem, saveDefinition, tickItem } from "@/lib/server/services/dod";
import { addItemSchema, automationSchema, definitionSchema, tickItemSchema } from "@/lib/validation/dod";
import { idSchema } from "@/lib/validation/common";
import { projectAction } from "./project-action";
import type { ActionResult } from "./result";

/** Replaces the project's Definition of Done (and of Ready, when `ready` is given). */
export async function saveDefinitionAction(projectKey: string, input: unknown): Promise<ActionResult<void>> {
  return projectAction({
    authorize: (actor) => requireProjectRole(actor, projectKey, "PRODUCT_OWNER"),
    schema: definitionSchema,
    input,
    run: (access, data) => saveDefinition(access, data),
  });
}

/** Replaces the project's automation rules. */
export async function saveAutomationAction(projectKey: string, input: unknown): Promise<ActionResult<void>> {
  return projectAction({
    authorize: (actor) => requireProjectRole(actor, projectKey, "PRODUCT_OWNER"),
    schema: automationSchema,
    input,
    run: (access, data) => saveAutomationRules(access, data),
    revalidate: (access) => `/${access.projectKey}/settings/automation`,
  });
}

const cardPage = (access: CardAccess) => `/${access.projectKey}/cards/${access.cardKey}`;

/** Ticks or un-ticks a manual item of a card. */
export async function tickItemAction(cardKey: string, itemId: string, input: unknown): Promise<ActionResult<void>> {
  return projectAction({
    authorize: (actor) => requireCardRole(actor, cardKey, "MEMBER"),
    schema: z.object({ itemId: idSchema, body: tickItemSchema }),
    input: { itemId, body: input },
    fieldsUnder: "body",
    run: (access, data, actor) => tickItem(access, actor.userId, data.itemId, data.body.done),
    revalidate: cardPage,
  });
}

/** Adds a manual item to one card. */
export async function addItemAction(cardKey: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return projectAction({
    authorize: (actor) => requireCardRole(actor, cardKey, "MEMBER"),
    schema: addItemSchema,
    input,
    run: (access, data, actor) => addCardItem(access, actor.userId, data.text),
    revalidate: cardPage,
  });
}
