"use server";
import { z } from "zod";
import type { Actor } from "@/lib/server/authenticate";
import { requireProjectRole } from "@/lib/server/authz";
import type { SprintDto } from "@/lib/server/queries/sprints";
import { completeSprint, createSprint, deleteSprint, startSprint, updateSprint } from "@/lib/server/services/sprints";
import { idSchema } from "@/lib/validation/common";
import { completeSprintSchema, createSprintSchema, updateSprintSchema } from "@/lib/validation/sprints";
import { projectAction } from "./project-action";
import type { ActionResult } from "./result";

// Creating, editing, starting and completing sprints is the product owner's call.
const withSprint = <S extends z.ZodType>(body: S) => z.object({ sprintId: idSchema, body });

const asProductOwner = (projectKey: string) => (actor: Actor) => requireProjectRole(actor, projectKey, "PRODUCT_OWNER");

export async function createSprintAction(projectKey: string, input: unknown): Promise<ActionResult<SprintDto>> {
  return projectAction({ authorize: asProductOwner(projectKey), schema: createSprintSchema, input, run: (access, data) => createSprint(access, data) });
}

export async function updateSprintAction(projectKey: string, sprintId: string, input: unknown): Promise<ActionResult<SprintDto>> {
  return projectAction({
    authorize: asProductOwner(projectKey),
    schema: withSprint(updateSprintSchema),
    input: { sprintId, body: input },
    fieldsUnder: "body",
    run: (access, data) => updateSprint(access, data.sprintId, data.body),
  });
}

export async function deleteSprintAction(projectKey: string, sprintId: string): Promise<ActionResult<{ ok: boolean }>> {
  return projectAction({ authorize: asProductOwner(projectKey), schema: idSchema, input: sprintId, run: (access, id) => deleteSprint(access, id) });
}

export async function startSprintAction(projectKey: string, sprintId: string): Promise<ActionResult<SprintDto>> {
  return projectAction({ authorize: asProductOwner(projectKey), schema: idSchema, input: sprintId, run: (access, id, actor) => startSprint(access, actor.userId, id) });
}

export type CompletedSprint = Awaited<ReturnType<typeof completeSprint>>;

export async function completeSprintAction(projectKey: string, sprintId: string, input: unknown): Promise<ActionResult<CompletedSprint>> {
  return projectAction({
    authorize: asProductOwner(projectKey),
    schema: withSprint(completeSprintSchema),
    input: { sprintId, body: input },
    fieldsUnder: "body",
    run: (access, data, actor) => completeSprint(access, actor.userId, data.sprintId, data.body),
  });
}
