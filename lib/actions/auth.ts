"use server";
import { signUpSchema } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/common";
import { signOut } from "@/lib/server/auth";
import { signUp } from "@/lib/server/services/users";
import { formFields, invalid, type ActionResult } from "./result";

/**
 * Creates the account; the form then signs in with the same credentials. The answer does not say
 * whether the email was already registered (see signUp).
 */
export async function signUpAction(formData: FormData): Promise<ActionResult> {
  const parsed = parseInput(signUpSchema, formFields(formData, ["name", "email", "password", "teamName"]));
  if (!parsed.success) return invalid(parsed.error.issues);
  await signUp(parsed.data);
  return { ok: true, data: undefined };
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}
