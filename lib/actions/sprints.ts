"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireProjectRole } from "@/lib/server/authz";
import type { SprintDto } from "@/lib/server/queries/sprints";
import { completeSprint, createSprint, deleteSprint, startSprint, updateSprint } from "@/lib/server/services/sprints";
import { currentActor } from "@/lib/server/session";
import { idSchema } from "@/lib/validation/common";
import { completeSprintSchema, createSprintSchema, updateSprintSchema } from "@/lib/validation/sprints";
import { attempt, invalid, type ActionResult } from "./result";

// Creating, editing, starting and completing sprints is the product owner's call.
const withSprint = <S extends z.ZodType>(body: S) => z.object({ sprintId: idSchema, body });

export async function createSprintAction(projectKey: string, input: unknown): Promise<ActionResult<SprintDto>> {
  const actor = await currentActor();
  const access = await attempt(() => requireProjectRole(actor, projectKey, "PRODUCT_OWNER"));
  if (!access.ok) return access;
  const parsed = createSprintSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const result = await attempt(() => createSprint(access.data, parsed.data));
  revalidatePath(`/${access.data.projectKey}`, "layout");
  return result;
}

export async function updateSprintAction(projectKey: string, sprintId: string, input: unknown): Promise<ActionResult<SprintDto>> {
  const actor = await currentActor();
  const access = await attempt(() => requireProjectRole(actor, projectKey, "PRODUCT_OWNER"));
  if (!access.ok) return access;
  const parsed = withSprint(updateSprintSchema).safeParse({ sprintId, body: input });
  if (!parsed.success) return invalid(parsed.error.issues.map((issue) => ({ ...issue, path: issue.path.slice(1) })));
  const result = await attempt(() => updateSprint(access.data, parsed.data.sprintId, parsed.data.body));
  revalidatePath(`/${access.data.projectKey}`, "layout");
  return result;
}

export async function deleteSprintAction(projectKey: string, sprintId: string): Promise<ActionResult<{ ok: boolean }>> {
  const actor = await currentActor();
  const access = await attempt(() => requireProjectRole(actor, projectKey, "PRODUCT_OWNER"));
  if (!access.ok) return access;
  const parsed = idSchema.safeParse(sprintId);
  if (!parsed.success) return invalid(parsed.error.issues);
  const result = await attempt(() => deleteSprint(access.data, parsed.data));
  revalidatePath(`/${access.data.projectKey}`, "layout");
  return result;
}

export async function startSprintAction(projectKey: string, sprintId: string): Promise<ActionResult<SprintDto>> {
  const actor = await currentActor();
  const access = await attempt(() => requireProjectRole(actor, projectKey, "PRODUCT_OWNER"));
  if (!access.ok) return access;
  const parsed = idSchema.safeParse(sprintId);
  if (!parsed.success) return invalid(parsed.error.issues);
  const result = await attempt(() => startSprint(access.data, actor.userId, parsed.data));
  revalidatePath(`/${access.data.projectKey}`, "layout");
  return result;
}

export type CompletedSprint = Awaited<ReturnType<typeof completeSprint>>;

export async function completeSprintAction(projectKey: string, sprintId: string, input: unknown): Promise<ActionResult<CompletedSprint>> {
  const actor = await currentActor();
  const access = await attempt(() => requireProjectRole(actor, projectKey, "PRODUCT_OWNER"));
  if (!access.ok) return access;
  const parsed = withSprint(completeSprintSchema).safeParse({ sprintId, body: input });
  if (!parsed.success) return invalid(parsed.error.issues.map((issue) => ({ ...issue, path: issue.path.slice(1) })));
  const result = await attempt(() => completeSprint(access.data, actor.userId, parsed.data.sprintId, parsed.data.body));
  revalidatePath(`/${access.data.projectKey}`, "layout");
  return result;
}
