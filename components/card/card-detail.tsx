"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Markdown } from "@/components/ui/markdown";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { updateCardAction } from "@/lib/actions/cards";
import { CardHistory } from "./card-history";
import { PRIORITY_LABELS, TYPE_LABELS, type CardView, type HistoryEntry } from "./card-fields";

type Props = {
  card: CardView;
  history: HistoryEntry[];
  members: Array<{ id: string; name: string }>;
  epics: Array<{ key: string; title: string }>;
  canEdit: boolean;
  /** Panels rendered below the description (development, checklist), server-rendered by the page. */
  children?: ReactNode;
};

function formValues(card: CardView) {
  return {
    title: card.title,
    description: card.description,
    type: card.type,
    priority: card.priority,
    assigneeId: card.assignee?.id ?? "",
    estimate: card.estimate === null ? "" : String(card.estimate),
    labels: card.labels.join(", "),
    epicKey: card.epic?.key ?? "",
    blockedReason: card.blockedReason ?? "",
  };
}

export function CardDetail({ card, history, members, epics, canEdit, children }: Props) {
  const router = useRouter();
  const [values, setValues] = useState(() => formValues(card));
  const [editingDescription, setEditingDescription] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const dirty = JSON.stringify(values) !== JSON.stringify(formValues(card));
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));

  function save() {
    startTransition(async () => {
      const result = await updateCardAction(card.key, {
        version: card.version,
        title: values.title,
        description: values.description,
        type: values.type,
        priority: values.priority,
        assigneeId: values.assigneeId || null,
        estimate: values.estimate === "" ? null : Number(values.estimate),
        labels: values.labels.split(",").map((label) => label.trim()).filter(Boolean),
        epicKey: values.epicKey || null,
        blockedReason: values.blockedReason || null,
      });
      if (result.ok) {
        setErrors({});
        setEditingDescription(false);
        toast.success(`${card.key} saved`);
        router.refresh();
      } else if (result.code === "VERSION_CONFLICT") {
        toast.error(result.message, { action: { label: "Reload", onClick: () => window.location.reload() } });
      } else {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.message);
      }
    });
  }

  return (
    <form action={save} className="grid gap-8 lg:grid-cols-[1fr_18rem]">
      <div className="min-w-0">
        <p className="font-mono text-sm text-muted">{card.key}</p>
        <Field label="Title" name="title" error={errors.title} className="mt-1">
          {(props) => <Input {...props} value={values.title} onChange={set("title")} disabled={!canEdit} className="h-10 text-lg font-semibold" />}
        </Field>
        <section className="mt-6" aria-labelledby="description-heading">
          <div className="flex items-center justify-between">
            <h2 id="description-heading" className="text-sm font-semibold">Description</h2>
            {canEdit ? (
              <Button size="sm" variant="ghost" onClick={() => setEditingDescription((on) => !on)}>
                {editingDescription ? "Preview" : "Edit description"}
              </Button>
            ) : null}
          </div>
          {editingDescription ? (
            <Field label="Description (Markdown)" name="description" error={errors.description} className="mt-2">
              {(props) => <Textarea {...props} rows={12} value={values.description} onChange={set("description")} className="font-mono text-sm" />}
            </Field>
          ) : (
            <div className="mt-2 min-h-16 rounded-lg border border-border bg-surface p-4">
              {values.description ? <Markdown>{values.description}</Markdown> : <p className="text-sm text-muted">No description yet.</p>}
            </div>
          )}
        </section>
        {children}
        <CardHistory entries={history} />
      </div>
      <aside className="flex flex-col gap-4 rounded-xl border border-border bg-surface p-4 self-start">
        <div>
          <p className="text-xs font-medium text-muted">Status</p>
          <p className="mt-1 text-sm font-medium">{card.column.name}</p>
        </div>
        <Field label="Type" name="type" error={errors.type}>
          {(props) => (
            <Select {...props} value={values.type} onChange={set("type")} disabled={!canEdit}>
              {Object.entries(TYPE_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </Select>
          )}
        </Field>
        <Field label="Priority" name="priority" error={errors.priority}>
          {(props) => (
            <Select {...props} value={values.priority} onChange={set("priority")} disabled={!canEdit}>
              {Object.entries(PRIORITY_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </Select>
          )}
        </Field>
        <Field label="Assignee" name="assigneeId" error={errors.assigneeId}>
          {(props) => (
            <Select {...props} value={values.assigneeId} onChange={set("assigneeId")} disabled={!canEdit}>
              <option value="">Unassigned</option>
              {members.map((member) => <option key={member.id} value={member.id}>{member.name}</option>)}
            </Select>
          )}
        </Field>
        <Field label="Estimate (points)" name="estimate" error={errors.estimate}>
          {(props) => <Input {...props} type="number" min={0} value={values.estimate} onChange={set("estimate")} disabled={!canEdit} />}
        </Field>
        <Field label="Labels" name="labels" error={errors.labels} hint="Comma-separated">
          {(props) => <Input {...props} value={values.labels} onChange={set("labels")} disabled={!canEdit} />}
        </Field>
        <Field label="Epic" name="epicKey" error={errors.epicKey}>
          {(props) => (
            <Select {...props} value={values.epicKey} onChange={set("epicKey")} disabled={!canEdit}>
              <option value="">None</option>
              {epics.filter((epic) => epic.key !== card.key).map((epic) => <option key={epic.key} value={epic.key}>{epic.key} · {epic.title}</option>)}
            </Select>
          )}
        </Field>
        <Field label="Blocked because" name="blockedReason" error={errors.blockedReason}>
          {(props) => <Input {...props} value={values.blockedReason} onChange={set("blockedReason")} disabled={!canEdit} placeholder="Not blocked" />}
        </Field>
        {card.flagReason ? <p className="rounded-md bg-warning-subtle p-2 text-xs text-warning">Flagged: {card.flagReason}</p> : null}
        {canEdit ? (
          <Button type="submit" variant="primary" disabled={!dirty} loading={pending}>
            Save changes
          </Button>
        ) : null}
        <p className="text-xs text-muted">Created {new Date(card.createdAt).toLocaleString()} · updated {new Date(card.updatedAt).toLocaleString()}</p>
      </aside>
    </form>
  );
}
