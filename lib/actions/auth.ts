"use server";
import { signUpSchema } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/common";
import { signIn, signOut } from "@/lib/server/auth";
import { endAllSessions } from "@/lib/server/sessions";
import { sessionActor } from "@/lib/server/session";
import { signUp } from "@/lib/server/services/users";
import { limitByAddress } from "./throttle";
import { attempt, invalid, submittedValues, type ActionResult } from "./result";

export async function signUpAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = submittedValues(formData);
  const parsed = parseInput(signUpSchema, Object.fromEntries(formData));
  if (!parsed.success) return { ...invalid(parsed.error.issues), values };
  const limited = await limitByAddress("sign-up");
  if (limited) return { ...limited, values };
  const created = await attempt(() => signUp(parsed.data));
  if (!created.ok) return { ...created, values, ...(created.code === "EMAIL_TAKEN" && { fieldErrors: { email: created.message } }) };
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/projects" });
  return { ok: true, data: undefined };
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}

/** Ends every session of the account (stolen cookie, shared computer), this one included. */
export async function signOutEverywhereAction() {
  const actor = await sessionActor();
  if (actor) await endAllSessions(actor.userId);
  await signOut({ redirectTo: "/sign-in" });
}
