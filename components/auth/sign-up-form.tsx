"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signUpAction } from "@/lib/actions/auth";

export function SignUpForm() {
  const [state, action, pending] = useActionState(signUpAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  return (
    <form action={action} className="mt-6 flex flex-col gap-4" noValidate>
      <Field label="Name" name="name" required error={errors.name}>
        {(props) => <Input {...props} autoComplete="name" autoFocus defaultValue={values.name} />}
      </Field>
      <Field label="Email" name="email" required error={errors.email}>
        {(props) => <Input {...props} type="email" autoComplete="email" defaultValue={values.email} />}
      </Field>
      <Field label="Password" name="password" required error={errors.password} hint="At least 8 characters.">
        {(props) => <Input {...props} type="password" autoComplete="new-password" />}
      </Field>
      {state && !state.ok && !state.fieldErrors ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {state.message}
        </p>
      ) : null}
      <Button type="submit" variant="primary" loading={pending}>
        Create account
      </Button>
    </form>
  );
}
