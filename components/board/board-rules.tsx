"use client";
// Board-wide rules on the column settings screen (Scrum or Kanban, WIP enforcement, ageing
// threshold) and the form that adds a column at the right end of the board.
import { Plus } from "lucide-react";
import { useOptimistic, useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { saveBoardSettingsAction, saveColumnAction, setWipModeAction } from "@/lib/actions/board";
import { cn } from "@/lib/utils/cn";
import { CategorySelect, readColumnForm } from "./column-settings-row";
import type { WipMode } from "./types";

type BoardMode = "SCRUM" | "KANBAN";
const BOARD_MODES: Array<{ value: BoardMode; label: string; description: string }> = [
  { value: "KANBAN", label: "Kanban", description: "Continuous flow: every open card is on the board." },
  { value: "SCRUM", label: "Scrum", description: "Sprints planned from a backlog; the board shows the running sprint." },
];

const WIP_MODES: Array<{ value: WipMode; label: string; description: string }> = [
  { value: "HARD", label: "Hard limits", description: "A full column refuses cards, for people and automation alike." },
  { value: "SOFT", label: "Soft limits", description: "Cards may enter a full column; it turns red and the breach is recorded." },
];

export function BoardRules({ projectKey, mode, wipMode, agingDays, canEdit }: { projectKey: string; mode: BoardMode; wipMode: WipMode; agingDays: number; canEdit: boolean }) {
  const [pending, startTransition] = useTransition();
  const [ageingError, setAgeingError] = useState<string>();
  // Shows the chosen mode at once; falls back to the saved one if the server refuses.
  const [shownMode, showMode] = useOptimistic(wipMode);
  const [shownBoardMode, showBoardMode] = useOptimistic(mode);

  const changeBoardMode = (next: BoardMode) =>
    startTransition(async () => {
      showBoardMode(next);
      const result = await saveBoardSettingsAction(projectKey, { mode: next });
      if (result.ok) toast.success(next === "SCRUM" ? "The board now runs Scrum: plan sprints from the backlog" : "The board now runs Kanban: every open card is on the board");
      else toast.error(result.message);
    });

  const changeMode = (mode: WipMode) =>
    startTransition(async () => {
      showMode(mode);
      const result = await setWipModeAction(projectKey, mode);
      if (result.ok) toast.success(mode === "HARD" ? "WIP limits are now hard" : "WIP limits are now soft");
      else toast.error(result.message);
    });

  const saveAgeing = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const days = Number(new FormData(event.currentTarget).get("agingDays"));
    startTransition(async () => {
      const result = await saveBoardSettingsAction(projectKey, { agingDays: days });
      setAgeingError(result.ok ? undefined : (result.fieldErrors?.agingDays ?? result.message));
      if (result.ok) toast.success(`Cards now count as ageing after ${days} days`);
    });
  };

  return (
    <section aria-labelledby="rules-heading" className="flex flex-col gap-4">
      <h2 id="rules-heading" className="text-base font-semibold">
        Board rules
      </h2>
      <ModeChoice legend="Board mode" name="mode" modes={BOARD_MODES} shown={shownBoardMode} disabled={!canEdit || pending} onChange={changeBoardMode} />
      <ModeChoice legend="WIP limits" name="wipMode" modes={WIP_MODES} shown={shownMode} disabled={!canEdit || pending} onChange={changeMode} />
      <form key={agingDays} onSubmit={saveAgeing} className="flex items-end gap-2">
        <fieldset disabled={!canEdit || pending} className="contents">
          <Field label="Ageing after (days)" name="agingDays" error={ageingError} hint="Until the team has enough finished cards; then its own p85 cycle time." className="w-60">
            {(control) => <Input {...control} type="number" min={1} max={365} defaultValue={agingDays} />}
          </Field>
          {canEdit ? (
            <Button type="submit" size="md" variant="secondary">
              Save
            </Button>
          ) : null}
        </fieldset>
      </form>
    </section>
  );
}

const RADIO_CARD = cn(
  "flex cursor-pointer gap-3 rounded-lg border border-border bg-surface p-3 has-[:checked]:border-accent has-[:checked]:ring-1 has-[:checked]:ring-accent",
  "has-[:disabled]:cursor-default",
);

/** A choice of modes as radio cards, each with a line saying what it does. */
function ModeChoice<M extends string>({ legend, name, modes, shown, disabled, onChange }: { legend: string; name: string; modes: Array<{ value: M; label: string; description: string }>; shown: M; disabled: boolean; onChange: (mode: M) => void }) {
  return (
    <fieldset disabled={disabled} className="flex flex-col gap-2">
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {modes.map((mode) => (
          <label key={mode.value} className={RADIO_CARD}>
            <input type="radio" name={name} value={mode.value} checked={shown === mode.value} onChange={() => onChange(mode.value)} className="mt-0.5 accent-accent" />
            <span className="flex flex-col gap-0.5">
              <span className="text-sm font-medium">{mode.label}</span>
              <span className="text-xs text-muted">{mode.description}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function AddColumnForm({ projectKey }: { projectKey: string }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, startSaving] = useTransition();

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const input = readColumnForm(new FormData(form));
    startSaving(async () => {
      const result = await saveColumnAction(projectKey, input);
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      if (result.ok) {
        toast.success(`Added "${result.data.name}"`);
        form.reset();
      } else if (!result.fieldErrors) toast.error(result.message);
    });
  };

  return (
    <form onSubmit={add} aria-label="Add a column" className="flex flex-col gap-3 rounded-xl border border-dashed border-border p-4">
      <h3 className="text-sm font-semibold">Add a column</h3>
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem_8rem]">
        <Field label="Name" name="name" required error={errors.name}>
          {(control) => <Input {...control} maxLength={50} placeholder="e.g. Testing" />}
        </Field>
        <Field label="Category" name="category" error={errors.category}>
          {(control) => <CategorySelect {...control} defaultValue="IN_PROGRESS" />}
        </Field>
        <Field label="WIP limit" name="wipLimit" hint="Empty: no limit" error={errors.wipLimit}>
          {(control) => <Input {...control} type="number" min={0} max={999} step={1} />}
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" variant="primary" size="sm" loading={saving}>
          <Plus aria-hidden /> Add column
        </Button>
      </div>
    </form>
  );
}
