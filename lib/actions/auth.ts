"use server";
import { signUpSchema } from "@/lib/validation/auth";
import { signIn, signOut } from "@/lib/server/auth";
import { signUp } from "@/lib/server/services/users";
import { attempt, invalid, type ActionResult } from "./result";

export async function signUpAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = signUpSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error.issues);
  const created = await attempt(() => signUp(parsed.data));
  if (!created.ok) return created.code === "EMAIL_TAKEN" ? { ...created, fieldErrors: { email: created.message } } : created;
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/projects" });
  return { ok: true, data: undefined };
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}
