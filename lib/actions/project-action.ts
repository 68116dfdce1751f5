import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Actor } from "@/lib/server/authenticate";
import { currentActor } from "@/lib/server/session";
import { parseInput } from "@/lib/validation/common";
import { attempt, invalid, type ActionResult } from "./result";

type ProjectScoped = { projectKey: string };

export type ProjectActionSpec<A extends ProjectScoped, S extends z.ZodType, T> = {
  /** Who may: a refusal becomes a failed result (NOT_FOUND outside the team, FORBIDDEN below the role). */
  authorize: (actor: Actor) => Promise<A>;
  schema: S;
  input: unknown;
  /** The schema checks the input under this key: field errors name the fields without it. */
  fieldsUnder?: string;
  run: (access: A, data: z.output<S>, actor: Actor) => Promise<T>;
  /** The page that shows the change; default every page of the project; false for none. */
  revalidate?: ((access: A) => string) | false;
};

/**
 * The shape of every project-scoped server action: authorize the signed-in caller, validate the
 * input, run one service, revalidate. Nothing runs on a refusal or an invalid input.
 */
export async function projectAction<A extends ProjectScoped, S extends z.ZodType, T>(spec: ProjectActionSpec<A, S, T>): Promise<ActionResult<T>> {
  const actor = await currentActor();
  const access = await attempt(() => spec.authorize(actor));
  if (!access.ok) return access;
  const parsed = parseInput(spec.schema, spec.input);
  if (!parsed.success) {
    return invalid(parsed.error.issues.map((issue) => (spec.fieldsUnder && issue.path[0] === spec.fieldsUnder ? { ...issue, path: issue.path.slice(1) } : issue)));
  }
  const result = await attempt(() => spec.run(access.data, parsed.data, actor));
  if (spec.revalidate) revalidatePath(spec.revalidate(access.data));
  else if (spec.revalidate !== false) revalidatePath(`/${access.data.projectKey}`, "layout");
  return result;
}
