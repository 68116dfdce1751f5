"use client";
// One column in the settings list: reorder controls, then its fields, saved together.
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ArrowDown, ArrowUp, GripVertical } from "lucide-react";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { saveColumnAction } from "@/lib/actions/board";
import { cn } from "@/lib/utils/cn";
import { plural } from "./card-meta";
import { DeleteColumnButton } from "./delete-column-button";
import type { BoardColumn, ColumnCategory } from "./types";

export type SettingsColumn = Omit<BoardColumn, "cards">;

export const CATEGORY_LABELS: Record<ColumnCategory, string> = { TODO: "To do", IN_PROGRESS: "In progress", DONE: "Done" };

/** The fields of a column form as the action's input (empty WIP limit = no limit). */
export function readColumnForm(form: FormData) {
  const wipLimit = String(form.get("wipLimit") ?? "").trim();
  return {
    name: String(form.get("name") ?? ""),
    category: String(form.get("category") ?? ""),
    wipLimit: wipLimit === "" ? null : Number(wipLimit),
    policy: String(form.get("policy") ?? ""),
  };
}

export function CategorySelect(props: { id: string; name?: string; defaultValue: ColumnCategory }) {
  return (
    <Select {...props}>
      {Object.entries(CATEGORY_LABELS).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </Select>
  );
}

export interface ColumnRowProps {
  projectKey: string;
  column: SettingsColumn;
  position: number;
  others: SettingsColumn[];
  canEdit: boolean;
  /** -1 moves the column one place up the list (left on the board), +1 one place down. */
  onMove: (step: -1 | 1) => void;
}

export function ColumnRow({ projectKey, column, position, others, canEdit, onMove }: ColumnRowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: column.id, disabled: !canEdit });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, startSaving] = useTransition();
  const total = others.length + 1;

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = { id: column.id, ...readColumnForm(new FormData(event.currentTarget)) };
    startSaving(async () => {
      const result = await saveColumnAction(projectKey, input);
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      if (result.ok) toast.success(`Saved "${result.data.name}"`);
      else if (!result.fieldErrors) toast.error(result.message);
    });
  };

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn("rounded-xl border border-border bg-surface p-4 shadow-raised", isDragging && "relative z-10 opacity-80 shadow-overlay")}
    >
      {/* Keyed by the saved values, so a change saved here or elsewhere resets the fields. */}
      <form key={JSON.stringify(column)} onSubmit={save} aria-label={`Column ${column.name}`} className="flex gap-3">
        {canEdit ? (
          <div className="flex flex-col items-center gap-0.5">
            <button
              type="button"
              ref={setActivatorNodeRef}
              {...attributes}
              {...listeners}
              aria-label={`Reorder ${column.name}, position ${position} of ${total}`}
              className="flex size-7 cursor-grab items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-foreground"
            >
              <GripVertical aria-hidden className="size-4" />
            </button>
            <Button size="icon" variant="ghost" className="size-7" aria-label={`Move ${column.name} up`} disabled={position === 1} onClick={() => onMove(-1)}>
              <ArrowUp aria-hidden />
            </Button>
            <Button size="icon" variant="ghost" className="size-7" aria-label={`Move ${column.name} down`} disabled={position === total} onClick={() => onMove(1)}>
              <ArrowDown aria-hidden />
            </Button>
          </div>
        ) : null}
        <fieldset disabled={!canEdit} className="flex min-w-0 flex-1 flex-col gap-3">
          <div className="grid gap-3 sm:grid-cols-[1fr_10rem_8rem]">
            <Field label="Name" name="name" required error={errors.name}>
              {(control) => <Input {...control} defaultValue={column.name} maxLength={50} />}
            </Field>
            <Field label="Category" name="category" error={errors.category}>
              {(control) => <CategorySelect {...control} defaultValue={column.category} />}
            </Field>
            <Field label="WIP limit" name="wipLimit" hint="Empty: no limit" error={errors.wipLimit}>
              {(control) => <Input {...control} type="number" min={0} max={999} step={1} defaultValue={column.wipLimit ?? ""} />}
            </Field>
          </div>
          <Field label="Policy" name="policy" hint="Shown on the board: when may a card enter or leave?" error={errors.policy}>
            {(control) => <Textarea {...control} rows={2} defaultValue={column.policy} maxLength={2000} />}
          </Field>
          <div className="flex items-center gap-2">
            <span className="text-xs text-muted">{plural(column.count, "card")} in this column</span>
            {canEdit ? (
              <>
                <DeleteColumnButton projectKey={projectKey} column={column} others={others} />
                <Button type="submit" size="sm" variant="primary" loading={saving}>
                  Save
                </Button>
              </>
            ) : null}
          </div>
        </fieldset>
      </form>
    </li>
  );
}
