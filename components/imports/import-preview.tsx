"use client";
import { TriangleAlert } from "lucide-react";
import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import type { ImportMapping } from "@/lib/domain/import/mapping";
import type { ImportPlanPreview } from "@/lib/server/services/imports";

export type ImportChoices = ImportMapping;
type Target = { id: string; name: string };
type Props = { preview: ImportPlanPreview; columns: Target[]; members: Target[]; pending: boolean; onRun: (choices: ImportChoices) => void; icon: ReactNode };

const NEW = "new";
const CATEGORY_LABELS: Record<string, string> = { TODO: "to do", IN_PROGRESS: "in progress", DONE: "done" };

/** The dry run: counts, warnings, and the mapping of columns, people and the Definition of Done, editable before the run. */
export function ImportPreviewForm({ preview, columns, members, pending, onRun, icon }: Props) {
  const id = useId();
  const [columnChoice, setColumnChoice] = useState<Record<string, string>>(() => Object.fromEntries(preview.plan.map((entry) => [entry.sourceId, entry.columnId ?? NEW])));
  const [peopleChoice, setPeopleChoice] = useState<Record<string, string>>(() => Object.fromEntries(preview.assignees.map((person) => [person.name, person.userId ?? ""])));
  const [definition, setDefinition] = useState("");
  const counts = [
    ["Cards", preview.counts.cards],
    ["Columns", preview.counts.columns],
    ["Sprints", preview.counts.sprints],
    ["History events", preview.counts.events],
    ["Comments", preview.counts.comments],
    ["Checklist items", preview.counts.checklistItems],
  ] as const;

  function run() {
    const mapping: ImportChoices = {
      columns: Object.fromEntries(
        preview.columns.map((column) => {
          const choice = columnChoice[column.sourceId];
          return [column.sourceId, choice === NEW ? { name: column.name, category: column.category as "TODO" | "IN_PROGRESS" | "DONE" } : { columnId: choice }];
        }),
      ),
      people: Object.fromEntries(Object.entries(peopleChoice).map(([name, userId]) => [name, userId || null])),
      ...(definition && { definitionOfDone: definition }),
    };
    onRun(mapping);
  }

  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-5 rounded-xl border border-border bg-surface p-4">
      <div>
        <h3 id={`${id}-title`} className="text-base font-semibold">Preview: {preview.name || "untitled"}</h3>
        <p className="text-sm text-muted">Nothing is written yet. Check where each column goes, then run the import.</p>
      </div>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {counts.map(([label, value]) => (
          <div key={label} className="rounded-lg bg-surface-2 px-3 py-2">
            <dt className="text-xs text-muted">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {preview.warnings.length ? (
        <ul aria-label="Warnings" className="flex flex-col gap-1.5 text-sm">
          {preview.warnings.map((warning, index) => (
            <li key={`${warning.code}-${index}`} className="flex gap-2">
              <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
              <span>{warning.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm font-semibold">Columns</legend>
        {preview.columns.map((column) => (
          <div key={column.sourceId} className="grid gap-1 sm:grid-cols-[1fr_16rem] sm:items-center sm:gap-3">
            <label htmlFor={`${id}-col-${column.sourceId}`} className="min-w-0 text-sm">
              <span className="font-medium break-words">{column.name}</span> <span className="text-muted">· {column.cards.toLocaleString()} cards</span>
            </label>
            <Select id={`${id}-col-${column.sourceId}`} value={columnChoice[column.sourceId]} onChange={(event) => setColumnChoice({ ...columnChoice, [column.sourceId]: event.target.value })}>
              <option value={NEW}>New column “{column.name}” ({CATEGORY_LABELS[column.category]})</option>
              {columns.map((target) => (
                <option key={target.id} value={target.id}>{target.name}</option>
              ))}
            </Select>
          </div>
        ))}
      </fieldset>
      {preview.assignees.length ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-semibold">People</legend>
          {preview.assignees.map((person) => (
            <div key={person.name} className="grid gap-1 sm:grid-cols-[1fr_16rem] sm:items-center sm:gap-3">
              <label htmlFor={`${id}-person-${person.name}`} className="min-w-0 text-sm font-medium break-words">{person.name}</label>
              <Select id={`${id}-person-${person.name}`} value={peopleChoice[person.name]} onChange={(event) => setPeopleChoice({ ...peopleChoice, [person.name]: event.target.value })}>
                <option value="">Nobody (keep the name on history only)</option>
                {members.map((member) => (
                  <option key={member.id} value={member.id}>{member.name}</option>
                ))}
              </Select>
            </div>
          ))}
        </fieldset>
      ) : null}
      {preview.checklists.length ? (
        <div className="grid gap-1 sm:grid-cols-[1fr_16rem] sm:items-center sm:gap-3">
          <label htmlFor={`${id}-dod`} className="text-sm font-semibold">Use this checklist as the project’s Definition of Done</label>
          <Select id={`${id}-dod`} value={definition} onChange={(event) => setDefinition(event.target.value)}>
            <option value="">None (checklists stay on their cards)</option>
            {preview.checklists.map((checklist) => (
              <option key={checklist.name} value={checklist.name}>{checklist.name} ({checklist.items} items on {checklist.cards} cards)</option>
            ))}
          </Select>
        </div>
      ) : null}
      <div>
        <Button variant="primary" onClick={run} loading={pending}>
          {icon} Run import
        </Button>
      </div>
    </section>
  );
}
