"use server";
import { requireCardRole, requireProjectRole } from "@/lib/server/authz";
import { teamLabels, type CardDto } from "@/lib/server/queries/cards";
import { teamMembers } from "@/lib/server/queries/projects";
import { createCard, updateCard } from "@/lib/server/services/cards";
import { createCardSchema, updateCardSchema } from "@/lib/validation/cards";
import { z } from "zod";
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

/** What the New card dialog offers: the team's members to assign and the labels its cards use. */
export async function cardFormOptionsAction(projectKey: string): Promise<ActionResult<{ members: Array<{ id: string; name: string }>; labels: string[] }>> {
  return projectAction({
    authorize: (actor) => requireProjectRole(actor, projectKey, "MEMBER"),
    schema: z.object({}).strict(),
    input: {},
    run: async (access) => {
      const [members, labels] = await Promise.all([teamMembers(access.teamId), teamLabels(access.teamId)]);
      return { members: members.map(({ id, name }) => ({ id, name })), labels };
    },
    revalidate: false,
  });
}
