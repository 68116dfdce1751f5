"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Markdown } from "@/components/ui/markdown";
import { RelativeTime } from "@/components/ui/relative-time";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { updateCardAction } from "@/lib/actions/cards";
import { CardHistory } from "./card-history";
import { PRIORITY_LABELS, TYPE_LABELS, type CardView, type HistoryEntry } from "./card-fields";
import { changedFields, formValues, rebase, updatePayload, type FormField, type FormValues } from "./card-form";
import { ChangeNotice, type ChangeNoticeData } from "./change-notice";

type Props = {
  card: CardView;
  history: HistoryEntry[];
  members: Array<{ id: string; name: string }>;
  epics: Array<{ key: string; title: string }>;
  canEdit: boolean;
  /** Panels rendered below the description (Ready, Done, Development). */
  children?: ReactNode;
  /** Scrum projects: where the card is planned, with "Move to…" (CardSprintMenu). */
  sprintMenu?: ReactNode;
  /** Loads the card again (after a save, or when the server has a newer version); defaults to a page refresh. */
  onSaved?: () => void;
};

/** What the notice shows for a field the other person changed (select fields by their label). */
function shownValue(field: FormField, values: FormValues, members: Props["members"]): string | undefined {
  if (field === "description") return undefined;
  if (field === "type") return TYPE_LABELS[values.type as keyof typeof TYPE_LABELS];
  if (field === "priority") return PRIORITY_LABELS[values.priority as keyof typeof PRIORITY_LABELS];
  if (field === "assigneeId") return members.find((member) => member.id === values.assigneeId)?.name ?? "Unassigned";
  return values[field] || "none";
}

/**
 * The form's state on top of `base`, the version its edits started from. A newer card (saved
 * elsewhere) is merged in during render: untouched fields follow it, edits stay and a notice
 * says who changed what.
 */
function useCardForm(card: CardView, history: HistoryEntry[], members: Props["members"]) {
  const [state, setState] = useState(() => ({ base: card, values: formValues(card), notice: null as ChangeNoticeData | null }));
  if (card.version > state.base.version) {
    const latest = formValues(card);
    const next = rebase(state.values, formValues(state.base), latest);
    const by = history.findLast((entry) => entry.type === "UPDATED")?.actor ?? "someone else";
    const shown = Object.fromEntries(next.theirs.map((field) => [field, shownValue(field, latest, members)]));
    const notice = next.mine.length && next.theirs.length ? { by, theirs: next.theirs, conflicts: next.conflicts, shown } : state.notice;
    setState({ base: card, values: next.values, notice: next.mine.length ? notice : null });
  }
  return {
    ...state,
    edited: changedFields(state.values, formValues(state.base)),
    setValues: (update: (values: FormValues) => FormValues) => setState((s) => ({ ...s, values: update(s.values) })),
    reset: (to: CardView) => setState({ base: to, values: formValues(to), notice: null }),
    dismiss: () => setState((s) => ({ ...s, notice: null })),
  };
}

export function CardDetail({ card, history, members, epics, canEdit, children, sprintMenu, onSaved }: Props) {
  const router = useRouter();
  const form = useCardForm(card, history, members);
  const { values, base } = form;
  const [editingDescription, setEditingDescription] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const dirty = form.edited.length > 0;
  const reload = onSaved ?? (() => router.refresh());
  const set = (field: FormField) => (event: { target: { value: string } }) => form.setValues((v) => ({ ...v, [field]: event.target.value }));

  function save() {
    startTransition(async () => {
      // Only the edited fields, on the newest version known: a change saved meanwhile by someone
      // else is kept, and the version check still refuses a save on top of an unseen one.
      const result = await updateCardAction(card.key, { version: base.version, ...updatePayload(values, form.edited) });
      if (result.ok) {
        setErrors({});
        setEditingDescription(false);
        form.reset({ ...base, ...result.data });
        toast.success(`${card.key} saved`);
        reload();
      } else if (result.code === "VERSION_CONFLICT") {
        toast.error(`${card.key} was changed meanwhile. Your edits are kept: review the change, then save again.`);
        reload();
      } else {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.message);
      }
    });
  }

  return (
    <form action={save} className="grid gap-8 lg:grid-cols-[1fr_18rem]">
      <div className="min-w-0">
        {form.notice ? <ChangeNotice notice={form.notice} onDismiss={form.dismiss} onUseTheirs={() => form.reset(card)} /> : null}
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
        {sprintMenu}
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
        <p className="text-xs text-muted">
          Created <RelativeTime at={card.createdAt} /> · updated <RelativeTime at={card.updatedAt} />
        </p>
      </aside>
    </form>
  );
}
