"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signUpAction } from "@/lib/actions/auth";
import type { ActionFailure } from "@/lib/actions/result";

const NOT_SIGNED_IN = "We could not sign you in with this email and password. If you already have an account, sign in with its password.";

/**
 * Creates the account, then signs in with the same credentials. `invited`: the person joins a team
 * by invitation, so they do not name one of their own.
 */
export function SignUpForm({ callbackUrl, invited }: { callbackUrl: string; invited: boolean }) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, setPending] = useState(false);
  const errors = failure?.fieldErrors ?? {};

  // onSubmit rather than a form action: React resets a form after an action, which would clear it.
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setFailure(null);
    const created = await signUpAction(form);
    if (!created.ok) {
      setFailure(created);
      setPending(false);
      return;
    }
    const signedIn = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    if (signedIn?.ok && !signedIn.error) {
      window.location.assign(callbackUrl);
      return;
    }
    const message = signedIn?.status === 429 ? "Too many attempts. Try again in a few minutes." : NOT_SIGNED_IN;
    setFailure({ ok: false, code: "SIGN_IN_FAILED", message });
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="mt-6 flex flex-col gap-4" noValidate>
      <Field label="Your name" name="name" required error={errors.name}>
        {(props) => <Input {...props} autoComplete="name" autoFocus />}
      </Field>
      <Field label="Email" name="email" required error={errors.email}>
        {(props) => <Input {...props} type="email" autoComplete="email" />}
      </Field>
      <Field label="Password" name="password" required error={errors.password} hint={errors.password ? null : "At least 8 characters."}>
        {(props) => <Input {...props} type="password" autoComplete="new-password" />}
      </Field>
      {invited ? null : (
        <Field label="Team name" name="teamName" required error={errors.teamName} hint={errors.teamName ? null : "Your team's projects live here; rename it or invite others later."}>
          {(props) => <Input {...props} autoComplete="organization" placeholder="Checkout squad" />}
        </Field>
      )}
      <div role="alert" aria-live="assertive" className="text-sm font-medium text-danger empty:hidden">
        {failure && !failure.fieldErrors ? failure.message : null}
      </div>
      <Button type="submit" variant="primary" loading={pending}>
        Create account
      </Button>
    </form>
  );
}
