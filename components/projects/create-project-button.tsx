"use client";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useActionState, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useHotkeys } from "@/lib/hooks/use-hotkeys";
import { createProjectAction } from "@/lib/actions/workspace";
import { keyFromName } from "@/lib/domain/project-key";
import type { ImportSource } from "@/lib/domain/import";
import { SOURCE_LABELS } from "@/components/imports/import-panel";

export function CreateProjectButton({ teamId, defaultOpen }: { teamId: string; defaultOpen: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  const [state, action, pending] = useActionState(createProjectAction, null);
  const [name, setName] = useState("");
  // The key follows the name until the person types a key of their own.
  const [typedKey, setTypedKey] = useState<string | null>(null);
  const key = typedKey ?? keyFromName(name);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const suggestion = state && !state.ok && state.code === "PROJECT_KEY_TAKEN" ? (state.details as { suggestion?: string } | undefined)?.suggestion : undefined;
  const router = useRouter();
  const [fromFile, setFromFile] = useState<{ pending: boolean; error: string | null }>({ pending: false, error: null });
  useHotkeys({ n: () => setOpen(true) });

  // With a file the project is created through the API (a board export can be far larger than a
  // server action takes) and the browser goes on to follow the import's progress.
  async function createFromFile(event: FormEvent<HTMLFormElement>) {
    const form = new FormData(event.currentTarget);
    const file = form.get("importFile");
    if (!(file instanceof File) || file.size === 0) return;
    event.preventDefault();
    setFromFile({ pending: true, error: null });
    const body = { key, name, teamId, mode: form.get("mode"), import: { source: form.get("importSource") as ImportSource, file: await file.text(), fileName: file.name } };
    const response = await fetch("/api/v1/projects", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const answer = (await response.json().catch(() => null)) as { key?: string; import?: { id: string }; error?: { message: string } } | null;
    if (!response.ok || !answer?.key) return setFromFile({ pending: false, error: answer?.error?.message ?? `The server answered ${response.status}.` });
    router.push(`/${answer.key}/settings/import-export?run=${encodeURIComponent(answer.import!.id)}`);
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button variant="primary" onClick={() => setOpen(true)}>
        <Plus aria-hidden /> New project
      </Button>
      <DialogContent title="New project" description="Cards of this project get keys like KEY-1, KEY-2.">
        <form action={action} onSubmit={createFromFile} className="flex flex-col gap-4">
          <input type="hidden" name="teamId" value={teamId} />
          <Field label="Name" name="name" required error={errors.name}>
            {(props) => <Input {...props} placeholder="Web shop" autoFocus value={name} onChange={(event) => setName(event.target.value)} />}
          </Field>
          <Field label="Key" name="key" required error={errors.key} hint={errors.key ? null : "Suggested from the name; 2–10 letters or digits, starting with a letter. Unique across this Shipboard instance."}>
            {(props) => (
              <Input {...props} placeholder="SHOP" className="font-mono uppercase" maxLength={10} value={key}
                onChange={(event) => setTypedKey(event.target.value.toUpperCase())} />
            )}
          </Field>
          {suggestion && suggestion !== key ? (
            <Button size="sm" variant="secondary" className="self-start" onClick={() => setTypedKey(suggestion)}>
              Use {suggestion}
            </Button>
          ) : null}
          <Field label="Board mode" name="mode">
            {(props) => (
              <Select {...props} defaultValue={values.mode ?? "kanban"} key={values.mode}>
                <option value="kanban">Kanban — continuous flow</option>
                <option value="scrum">Scrum — sprints and a backlog</option>
              </Select>
            )}
          </Field>
          <details className="rounded-md border border-border px-3 py-2 text-sm">
            <summary className="cursor-pointer font-medium">Start from a Trello board or another export</summary>
            <div className="mt-3 flex flex-col gap-3">
              <Field label="Exported from" name="importSource">
                {(props) => (
                  <Select {...props} defaultValue="trello">
                    {Object.entries(SOURCE_LABELS).map(([value, label]) => (
                      <option key={value} value={value}>{label}</option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field label="Export file" name="importFile" hint="The project gets the file's columns, then its cards and history are imported.">
                {(props) => <Input {...props} type="file" accept=".json,.csv,application/json,text/csv" className="h-auto py-1" />}
              </Field>
            </div>
          </details>
          {state && !state.ok && !state.fieldErrors ? <p role="alert" className="text-sm text-danger">{state.message}</p> : null}
          {fromFile.error ? <p role="alert" className="text-sm text-danger">{fromFile.error} No project was created.</p> : null}
          <DialogFooter>
            <Button type="submit" variant="primary" loading={pending || fromFile.pending}>Create project</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
