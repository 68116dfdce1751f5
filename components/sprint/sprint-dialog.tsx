"use client";
// Create or edit a sprint: name, goal, dates and capacity. Field errors come back from the action.
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { createSprintAction, updateSprintAction } from "@/lib/actions/sprints";
import type { SprintDto } from "@/lib/server/queries/sprints";
import { dateInputValue } from "./sprint-format";

type Props = {
  projectKey: string;
  /** Edit this sprint; without it the dialog creates one. */
  sprint?: SprintDto;
  /** Name proposed for a new sprint. */
  suggestedName?: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

function formInput(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const capacity = text("capacity");
  return {
    name: text("name"),
    goal: text("goal"),
    startDate: text("startDate") || null,
    endDate: text("endDate") || null,
    capacity: capacity === "" ? null : Number(capacity),
  };
}

export function SprintDialog({ projectKey, sprint, suggestedName, open, onOpenChange }: Props) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = formInput(event.currentTarget);
    startTransition(async () => {
      const result = sprint ? await updateSprintAction(projectKey, sprint.id, input) : await createSprintAction(projectKey, input);
      if (result.ok) {
        setErrors({});
        setMessage(null);
        onOpenChange(false);
        toast.success(sprint ? `Saved ${result.data.name}.` : `${result.data.name} is planned. Drag cards into it.`);
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.fieldErrors ? null : result.message);
      }
    });
  };

  const field = (label: string, name: string, control: (props: Record<string, unknown>) => ReactNode, hint?: string) => (
    <Field label={label} name={name} error={errors[name]} hint={hint}>
      {control}
    </Field>
  );

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={sprint ? `Edit ${sprint.name}` : "Create sprint"} description="A sprint is a time box with a goal and a capacity in story points.">
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          {field("Name", "name", (props) => <Input {...props} required autoFocus defaultValue={sprint?.name ?? suggestedName} />)}
          {field("Goal", "goal", (props) => <Textarea {...props} rows={2} placeholder="What should this sprint achieve?" defaultValue={sprint?.goal} />)}
          <div className="grid grid-cols-2 gap-3">
            {field("Start date", "startDate", (props) => <Input {...props} type="date" defaultValue={dateInputValue(sprint?.startDate ?? null)} />)}
            {field("End date", "endDate", (props) => <Input {...props} type="date" defaultValue={dateInputValue(sprint?.endDate ?? null)} />)}
          </div>
          {field(
            "Capacity (points)",
            "capacity",
            (props) => <Input {...props} type="number" min={0} inputMode="numeric" defaultValue={sprint?.capacity ?? ""} className="w-32" />,
            "How many story points the team can take on. The sprint warns when its cards add up to more.",
          )}
          {message ? <p role="alert" className="text-sm text-danger">{message}</p> : null}
          <DialogFooter>
            <Button variant="ghost" onClick={() => onOpenChange(false)}>Cancel</Button>
            <Button type="submit" variant="primary" loading={pending}>{sprint ? "Save" : "Create sprint"}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
