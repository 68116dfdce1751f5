"use client";
import { Plus } from "lucide-react";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useHotkeys } from "@/lib/hooks/use-hotkeys";
import { createProjectAction } from "@/lib/actions/workspace";
import { keyFromName } from "@/lib/domain/project-key";

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
  useHotkeys({ n: () => setOpen(true) });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button variant="primary" onClick={() => setOpen(true)}>
        <Plus aria-hidden /> New project
      </Button>
      <DialogContent title="New project" description="Cards of this project get keys like KEY-1, KEY-2.">
        <form action={action} className="flex flex-col gap-4">
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
          {state && !state.ok && !state.fieldErrors ? <p role="alert" className="text-sm text-danger">{state.message}</p> : null}
          <DialogFooter>
            <Button type="submit" variant="primary" loading={pending}>Create project</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
