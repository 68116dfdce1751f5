"use client";
// Edits the project's Definition of Done (ordered, manual or automatic items) and its optional
// Definition of Ready (manual items). Saving replaces both; open cards follow, done cards do not.
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { saveDefinitionAction } from "@/lib/actions/dod";
import type { DefinitionDto } from "@/lib/server/queries/dod";
import { DOD_SIGNALS, DOD_STAGES } from "@/lib/validation/dod";

type Row = { key: number; text: string; kind: "manual" | "auto"; signal: string; environment: string; stage: string };
type Props = { projectKey: string; definition: DefinitionDto; canEdit: boolean };

const SIGNAL_LABELS: Record<(typeof DOD_SIGNALS)[number], string> = {
  checks_green: "Checks green on the pull request",
  pr_merged: "Pull request merged",
  deployed: "Deployed to an environment",
  stage_succeeded: "Pipeline stage succeeded",
};

let nextKey = 0;
const toRow = (item: DefinitionDto["items"][number]): Row => ({
  key: ++nextKey,
  text: item.text,
  kind: item.kind,
  signal: "signal" in item && item.signal ? item.signal : "checks_green",
  environment: "environment" in item && item.environment ? item.environment : "production",
  stage: "stage" in item && item.stage ? item.stage : "test",
});
const toInput = (row: Row) =>
  row.kind === "manual"
    ? { text: row.text, kind: "manual" as const }
    : { text: row.text, kind: "auto" as const, signal: row.signal, ...(row.signal === "deployed" && { environment: row.environment }), ...(row.signal === "stage_succeeded" && { stage: row.stage }) };

function move<T>(list: T[], from: number, to: number): T[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

function ItemRows({ rows, setRows, allowAuto, disabled, errors, prefix }: { rows: Row[]; setRows: (rows: Row[]) => void; allowAuto: boolean; disabled: boolean; errors: Record<string, string>; prefix: string }) {
  const update = (index: number, patch: Partial<Row>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <ol className="flex flex-col gap-2">
      {rows.map((row, index) => (
        <li key={row.key} className="flex flex-wrap items-start gap-2 rounded-md border border-border bg-surface p-2" data-testid={`${prefix}-row`}>
          <div className="min-w-60 flex-1">
            <Input value={row.text} disabled={disabled} aria-label={`Item ${index + 1} text`} maxLength={500} onChange={(e) => update(index, { text: e.target.value })} />
            {errors[`${prefix}.${index}.text`] ? <p className="mt-1 text-xs text-danger">{errors[`${prefix}.${index}.text`]}</p> : null}
          </div>
          {allowAuto ? (
            <Select aria-label={`Item ${index + 1} kind`} value={row.kind} disabled={disabled} onChange={(e) => update(index, { kind: e.target.value as Row["kind"] })}>
              <option value="manual">Ticked by hand</option>
              <option value="auto">Automatic</option>
            </Select>
          ) : null}
          {row.kind === "auto" ? (
            <Select aria-label={`Item ${index + 1} signal`} value={row.signal} disabled={disabled} onChange={(e) => update(index, { signal: e.target.value })}>
              {DOD_SIGNALS.map((signal) => <option key={signal} value={signal}>{SIGNAL_LABELS[signal]}</option>)}
            </Select>
          ) : null}
          {row.kind === "auto" && row.signal === "deployed" ? (
            <Input className="w-36" aria-label={`Item ${index + 1} environment`} value={row.environment} disabled={disabled} onChange={(e) => update(index, { environment: e.target.value })} />
          ) : null}
          {row.kind === "auto" && row.signal === "stage_succeeded" ? (
            <Select aria-label={`Item ${index + 1} stage`} value={row.stage} disabled={disabled} onChange={(e) => update(index, { stage: e.target.value })}>
              {DOD_STAGES.map((stage) => <option key={stage} value={stage}>{stage}</option>)}
            </Select>
          ) : null}
          {!disabled ? (
            <div className="flex gap-1">
              <Button type="button" variant="ghost" size="icon" aria-label={`Move item ${index + 1} up`} disabled={index === 0} onClick={() => setRows(move(rows, index, index - 1))}><ArrowUp /></Button>
              <Button type="button" variant="ghost" size="icon" aria-label={`Move item ${index + 1} down`} disabled={index === rows.length - 1} onClick={() => setRows(move(rows, index, index + 1))}><ArrowDown /></Button>
              <Button type="button" variant="ghost" size="icon" aria-label={`Delete item ${index + 1}`} onClick={() => setRows(rows.filter((_, i) => i !== index))}><Trash2 /></Button>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function DefinitionEditor({ projectKey, definition, canEdit }: Props) {
  const router = useRouter();
  const [done, setDone] = useState(() => definition.items.map(toRow));
  const [ready, setReady] = useState(() => definition.ready.items.map(toRow));
  const [readyEnabled, setReadyEnabled] = useState(definition.ready.enabled);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const blank = (): Row => ({ key: ++nextKey, text: "", kind: "manual", signal: "checks_green", environment: "production", stage: "test" });

  const save = () =>
    startTransition(async () => {
      const result = await saveDefinitionAction(projectKey, { items: done.map(toInput), ready: { enabled: readyEnabled, items: ready.map((row) => ({ text: row.text, kind: "manual" })) } });
      if (result.ok) {
        setErrors({});
        toast.success("Definition of Done saved");
        router.refresh();
      } else {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.message);
      }
    });

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="dod-title">
        <h1 id="dod-title" className="text-lg font-semibold">Definition of Done</h1>
        <p className="mt-1 text-sm text-muted">A card enters a Done column only when every item is ticked. Automatic items follow pull requests, runs and deployments.</p>
        <div className="mt-4"><ItemRows rows={done} setRows={setDone} allowAuto disabled={!canEdit} errors={errors} prefix="items" /></div>
        {canEdit ? <Button type="button" variant="outline" size="sm" className="mt-2" onClick={() => setDone([...done, blank()])}><Plus /> Add item</Button> : null}
      </section>
      <section aria-labelledby="dor-title">
        <h2 id="dor-title" className="text-base font-semibold">Definition of Ready</h2>
        <label className="mt-2 flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4 accent-accent" checked={readyEnabled} disabled={!canEdit} onChange={(e) => setReadyEnabled(e.target.checked)} />
          Cards must be ready before they are planned into a sprint
        </label>
        <div className="mt-3"><ItemRows rows={ready} setRows={setReady} allowAuto={false} disabled={!canEdit} errors={errors} prefix="ready.items" /></div>
        {canEdit ? <Button type="button" variant="outline" size="sm" className="mt-2" onClick={() => setReady([...ready, blank()])}><Plus /> Add ready item</Button> : null}
      </section>
      {canEdit ? <div><Button type="button" variant="primary" disabled={pending} onClick={save}>Save</Button></div> : <p className="text-sm text-muted">Only product owners and admins change the definition.</p>}
    </div>
  );
}
