"use client";
import { Plus } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useHotkeys } from "@/lib/hooks/use-hotkeys";
import { cardFormOptionsAction, createCardAction } from "@/lib/actions/cards";
import { withChanges } from "@/lib/hooks/use-url-query";
import { PRIORITY_LABELS, TYPE_LABELS } from "./card-fields";
import { LabelPicker } from "./label-picker";

type Options = { members: Array<{ id: string; name: string }>; labels: string[] };

/** The team's members and labels, loaded when the dialog opens (they change as the team works). */
function useCardFormOptions(projectKey: string, open: boolean) {
  const [options, setOptions] = useState<Options>({ members: [], labels: [] });
  useEffect(() => {
    if (!open) return;
    let current = true;
    cardFormOptionsAction(projectKey).then((result) => {
      if (current && result.ok) setOptions(result.data);
    });
    return () => {
      current = false;
    };
  }, [projectKey, open]);
  return options;
}

/** "New card" button and dialog; `c` opens it from anywhere in the project. */
export function CreateCardDialog({ projectKey }: { projectKey: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  const [labels, setLabels] = useState<string[]>([]);
  const options = useCardFormOptions(projectKey, open);
  useHotkeys({ c: () => setOpen(true) });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const estimate = String(form.get("estimate") ?? "");
    start(async () => {
      const result = await createCardAction(projectKey, {
        title: form.get("title"),
        description: form.get("description") || undefined,
        type: form.get("type"),
        priority: form.get("priority"),
        estimate: estimate === "" ? null : Number(estimate),
        assigneeId: form.get("assigneeId") || null,
        labels,
      });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        if (!result.fieldErrors) toast.error(result.message);
        return;
      }
      setErrors({});
      setLabels([]);
      setOpen(false);
      toast.success(
        <span>
          Created <Link className="font-semibold underline" href={`/${projectKey}/cards/${result.data.key}`}>{result.data.key}</Link>
        </span>,
      );
      // On the backlog the new card (at the bottom of the order) is brought into view and highlighted.
      if (pathname === `/${projectKey}/backlog`) router.replace(`${pathname}?${withChanges(window.location.search, { focus: result.data.key })}`, { scroll: false });
      else router.refresh();
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button variant="primary" size="sm" onClick={() => setOpen(true)} aria-keyshortcuts="c">
        <Plus aria-hidden /> New card
      </Button>
      <DialogContent title="New card" description={`In ${projectKey}. It starts in the first column.`} size="lg">
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <Field label="Title" name="title" required error={errors.title}>
            {(props) => <Input {...props} autoFocus placeholder="What needs doing?" />}
          </Field>
          <div className="grid grid-cols-3 gap-3">
            <Field label="Type" name="type">
              {(props) => <Select {...props} defaultValue="story">{Object.entries(TYPE_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}</Select>}
            </Field>
            <Field label="Priority" name="priority">
              {(props) => <Select {...props} defaultValue="medium">{Object.entries(PRIORITY_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}</Select>}
            </Field>
            <Field label="Estimate" name="estimate" error={errors.estimate}>
              {(props) => <Input {...props} type="number" min={0} placeholder="Points" />}
            </Field>
          </div>
          <div className="grid gap-3 sm:grid-cols-[1fr_2fr]">
            <Field label="Assignee" name="assigneeId" error={errors.assigneeId}>
              {(props) => (
                <Select {...props} defaultValue="">
                  <option value="">Unassigned</option>
                  {options.members.map((member) => <option key={member.id} value={member.id}>{member.name}</option>)}
                </Select>
              )}
            </Field>
            <Field label="Labels" error={errors.labels} hint="Pick the team's labels or type a new one.">
              {(props) => <LabelPicker {...props} available={options.labels} value={labels} onChange={setLabels} />}
            </Field>
          </div>
          <Field label="Description" name="description" error={errors.description} hint="Markdown is supported.">
            {(props) => <Textarea {...props} rows={5} />}
          </Field>
          <DialogFooter>
            <Button type="submit" variant="primary" loading={pending}>Create card</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
