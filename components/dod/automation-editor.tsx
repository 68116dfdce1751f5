"use client";
// Automation rules: when a card's pull request opens or merges, or it is deployed, move it to a
// column. Automatic moves obey WIP limits and the Definition of Done; a refused one flags the card.
import { Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { saveAutomationAction } from "@/lib/actions/dod";
import { AUTOMATION_TRIGGERS } from "@/lib/validation/dod";

type Rule = { key: number; trigger: (typeof AUTOMATION_TRIGGERS)[number]; environment: string; toColumnId: string };
type Props = {
  projectKey: string;
  rules: Array<{ trigger: string; environment?: string; toColumnId: string }>;
  columns: Array<{ id: string; name: string }>;
  canEdit: boolean;
};

const TRIGGER_LABELS: Record<Rule["trigger"], string> = { pr_opened: "Pull request opened", pr_merged: "Pull request merged", deployed: "Deployed" };
let nextKey = 0;

export function AutomationEditor({ projectKey, rules: initial, columns, canEdit }: Props) {
  const router = useRouter();
  const [rules, setRules] = useState<Rule[]>(() => initial.map((rule) => ({ key: ++nextKey, trigger: rule.trigger as Rule["trigger"], environment: rule.environment ?? "", toColumnId: rule.toColumnId })));
  const [pending, startTransition] = useTransition();
  const update = (index: number, patch: Partial<Rule>) => setRules(rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)));

  const save = () =>
    startTransition(async () => {
      const input = rules.map((rule) => ({ trigger: rule.trigger, toColumnId: rule.toColumnId, ...(rule.trigger === "deployed" && rule.environment.trim() && { environment: rule.environment.trim() }) }));
      const result = await saveAutomationAction(projectKey, { rules: input });
      if (result.ok) {
        toast.success("Automation rules saved");
        router.refresh();
      } else toast.error(Object.values(result.fieldErrors ?? {})[0] ?? result.message);
    });

  return (
    <section aria-labelledby="automation-title">
      <h1 id="automation-title" className="text-lg font-semibold">Automation</h1>
      <p className="mt-1 text-sm text-muted">Move cards when CI/CD reports progress. Rules only move cards forward, and obey WIP limits and the Definition of Done; a refused move flags the card.</p>
      {rules.length === 0 ? <p className="mt-4 text-sm text-muted">No rules yet.</p> : null}
      <ul className="mt-4 flex flex-col gap-2">
        {rules.map((rule, index) => (
          <li key={rule.key} className="flex flex-wrap items-center gap-2 rounded-md border border-border bg-surface p-2 text-sm" data-testid="automation-rule">
            When
            <Select aria-label={`Rule ${index + 1} trigger`} value={rule.trigger} disabled={!canEdit} onChange={(e) => update(index, { trigger: e.target.value as Rule["trigger"] })}>
              {AUTOMATION_TRIGGERS.map((trigger) => <option key={trigger} value={trigger}>{TRIGGER_LABELS[trigger]}</option>)}
            </Select>
            {rule.trigger === "deployed" ? (
              <Input className="w-36" aria-label={`Rule ${index + 1} environment`} placeholder="any environment" value={rule.environment} disabled={!canEdit} onChange={(e) => update(index, { environment: e.target.value })} />
            ) : null}
            move to
            <Select aria-label={`Rule ${index + 1} column`} value={rule.toColumnId} disabled={!canEdit} onChange={(e) => update(index, { toColumnId: e.target.value })}>
              {columns.map((column) => <option key={column.id} value={column.id}>{column.name}</option>)}
            </Select>
            {canEdit ? <Button type="button" variant="ghost" size="icon" aria-label={`Delete rule ${index + 1}`} onClick={() => setRules(rules.filter((_, i) => i !== index))}><Trash2 /></Button> : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <div className="mt-3 flex gap-2">
          <Button type="button" variant="outline" size="sm" onClick={() => setRules([...rules, { key: ++nextKey, trigger: "deployed", environment: "production", toColumnId: columns.at(-1)?.id ?? "" }])}><Plus /> Add rule</Button>
          <Button type="button" variant="primary" size="sm" disabled={pending} onClick={save}>Save</Button>
        </div>
      ) : <p className="mt-3 text-sm text-muted">Only product owners and admins change automation rules.</p>}
    </section>
  );
}
