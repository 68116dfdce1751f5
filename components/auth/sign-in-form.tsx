"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  RateLimited: "Too many failed attempts. Try again in a few minutes.",
  // GitHub sign-in refusals (see decideGithubLink), back on this page as ?error=…
  EMAIL_IN_USE: "An account with your GitHub email exists. Sign in with its password, then continue with GitHub to connect it.",
  NO_VERIFIED_EMAIL: "Your GitHub account has no verified primary email.",
  LINKED_ELSEWHERE: "This GitHub account is connected to another Shipboard account.",
};

export function SignInForm({ callbackUrl, github, initialError }: { callbackUrl: string; github: boolean; initialError?: string }) {
  const [error, setError] = useState<string | null>((initialError && MESSAGES[initialError]) || null);
  const [pending, setPending] = useState(false);

  // onSubmit rather than a form action: React resets a form after an action, which would clear the email.
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(result?.status === 429 ? MESSAGES.RateLimited! : (MESSAGES[result?.error ?? ""] ?? MESSAGES.CredentialsSignin!));
  }

  return (
    <form onSubmit={submit} className="mt-6 flex flex-col gap-4" noValidate>
      <Field label="Email" name="email" required>
        {(props) => <Input {...props} type="email" autoComplete="email" autoFocus />}
      </Field>
      <Field label="Password" name="password" required>
        {(props) => <Input {...props} type="password" autoComplete="current-password" />}
      </Field>
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm font-medium text-danger">
        {error}
      </div>
      <Button type="submit" variant="primary" loading={pending}>
        Sign in
      </Button>
      {github ? (
        <Button type="button" variant="secondary" onClick={() => signIn("github", { redirectTo: callbackUrl })}>
          Continue with GitHub
        </Button>
      ) : null}
    </form>
  );
}
