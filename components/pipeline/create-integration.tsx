"use client";
import { Plus } from "lucide-react";
import { startTransition, useActionState, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { createIntegrationAction, type CreatedSecret } from "@/lib/actions/integrations";
import type { ActionResult } from "@/lib/actions/result";
import { PROVIDERS, type Provider } from "@/lib/domain/pipeline/types";
import { PROVIDER_LABELS } from "@/lib/validation/integrations";
import { SecretReveal } from "./secret-reveal";
import { StageRulesEditor, stageRulesOf, type StageRuleRow } from "./stage-rules-editor";

const REPOSITORY_HINTS: Record<Provider, string> = {
  github: "owner/name, e.g. acme/shop. Deliveries from other repositories are logged and ignored. Empty: any repository.",
  gitlab: "group/project (acme/shop) or the numeric project id (4242). Empty: any project.",
  circleci: "The project slug, e.g. github/acme/shop (or just acme/shop). Empty: any project.",
  generic: "Must equal the body's \"repository\" field. Empty: any repository.",
};

export function CreateIntegration({ projectKey }: { projectKey: string }) {
  const [provider, setProvider] = useState<Provider>("github");
  const [rules, setRules] = useState<StageRuleRow[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const [state, action, pending] = useActionState(async (_previous: ActionResult<CreatedSecret> | null, form: FormData) => {
    const stageRules = stageRulesOf(rules);
    const result = await createIntegrationAction(projectKey, { ...Object.fromEntries(form), ...(stageRules.length > 0 && { stageRules }) });
    if (result.ok) {
      formRef.current?.reset();
      setRules([]);
    }
    return result;
  }, null);
  // Submitted by hand rather than with `action=`: React resets a form after its action, which
  // would empty what a refused submission asks the admin to correct (and show selects wrong).
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => action(form));
  };
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <div className="flex flex-col gap-4">
      <form ref={formRef} onSubmit={submit} className="grid gap-3 rounded-xl border border-border bg-surface p-4 sm:grid-cols-[10rem_1fr_1fr_auto] sm:items-start">
        <Field label="Provider" name="provider" error={errors?.provider}>
          {(props) => (
            <Select {...props} value={provider} onChange={(event) => setProvider(event.target.value as Provider)}>
              {PROVIDERS.map((value) => (
                <option key={value} value={value}>{PROVIDER_LABELS[value]}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Name" name="name" required error={errors?.name}>
          {(props) => <Input {...props} placeholder={`${PROVIDER_LABELS[provider]} acme/shop`} maxLength={100} />}
        </Field>
        <Field label="Repository" name="repository" error={errors?.repository} hint={REPOSITORY_HINTS[provider]}>
          {(props) => <Input {...props} placeholder={provider === "circleci" ? "github/acme/shop" : "acme/shop"} />}
        </Field>
        <Button type="submit" variant="primary" loading={pending} className="sm:mt-[1.375rem]">
          <Plus aria-hidden /> Add integration
        </Button>
        <StageRulesEditor rows={rules} onChange={setRules} errors={state && !state.ok ? state.fieldErrors : undefined} />
        {state && !state.ok && !state.fieldErrors ? (
          <p role="alert" className="text-sm text-danger sm:col-span-4">{state.message}</p>
        ) : null}
      </form>
      {state?.ok ? <SecretReveal key={state.data.id} created={state.data} /> : null}
    </div>
  );
}
