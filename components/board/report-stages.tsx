"use client";
// Project settings → Columns & WIP: what the reports count as started and finished work, and the
// time zone of their calendar days. Reports follow a change retroactively.
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { saveBoardSettingsAction } from "@/lib/actions/board";
import type { SettingsColumn } from "./column-settings-row";

export interface ReportStagesProps {
  projectKey: string;
  columns: SettingsColumn[];
  startColumnId: string | null;
  finishColumnIds: string[];
  timeZone: string;
  canEdit: boolean;
}

const DEFAULT_START = "";

/** Every IANA zone the browser knows, with the saved one kept even if this browser lacks it. */
function timeZones(saved: string): string[] {
  const known = Intl.supportedValuesOf("timeZone");
  return [...new Set(["UTC", saved, ...known])];
}

export function ReportStages({ projectKey, columns, startColumnId, finishColumnIds, timeZone, canEdit }: ReportStagesProps) {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const doneColumns = columns.filter((column) => column.category === "DONE").map((column) => column.id);
  const finishing = finishColumnIds.length ? finishColumnIds : doneColumns;

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const start = String(form.get("startColumnId") ?? DEFAULT_START);
    const finish = form.getAll("finishColumnIds").map(String);
    const input = {
      startColumnId: start === DEFAULT_START ? null : start,
      // The Done columns exactly: store "default", so a new Done column counts too.
      finishColumnIds: finish.length === doneColumns.length && finish.every((id) => doneColumns.includes(id)) ? [] : finish,
      timeZone: String(form.get("timeZone") ?? "UTC"),
    };
    startTransition(async () => {
      const result = await saveBoardSettingsAction(projectKey, input);
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      if (result.ok) toast.success("Reports now follow these stages");
      else if (!result.fieldErrors) toast.error(result.message);
    });
  };

  return (
    <section aria-labelledby="stages-heading" className="flex flex-col gap-3">
      <div>
        <h2 id="stages-heading" className="text-base font-semibold">
          Workflow stages for reports
        </h2>
        <p className="text-sm text-muted">
          A card is started when it first enters the start column or any column after it, and finished when it last enters a finished column. Cycle times, ageing, throughput and
          forecasts follow these settings, for past work too.
        </p>
      </div>
      <form key={`${startColumnId}-${finishColumnIds.join()}-${timeZone}`} onSubmit={save} className="flex flex-col gap-4">
        <fieldset disabled={!canEdit || pending} className="contents">
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Work starts in" name="startColumnId" error={errors.startColumnId}>
              {(control) => (
                <Select {...control} defaultValue={startColumnId ?? DEFAULT_START}>
                  <option value={DEFAULT_START}>The first in-progress column</option>
                  {columns.map((column) => (
                    <option key={column.id} value={column.id}>
                      {column.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Days are counted in" name="timeZone" hint="The team's time zone" error={errors.timeZone}>
              {(control) => (
                <Select {...control} defaultValue={timeZone}>
                  {timeZones(timeZone).map((zone) => (
                    <option key={zone} value={zone}>
                      {zone.replaceAll("_", " ")}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <fieldset aria-describedby={errors.finishColumnIds ? "finish-error" : undefined} className="flex flex-col gap-2">
            <legend className="mb-2 text-sm font-medium">Work is finished in</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-2">
              {columns.map((column) => (
                <label key={column.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="finishColumnIds" value={column.id} defaultChecked={finishing.includes(column.id)} className="accent-accent" />
                  {column.name}
                </label>
              ))}
            </div>
            {errors.finishColumnIds ? (
              <p id="finish-error" role="alert" className="text-sm text-danger">
                {errors.finishColumnIds}
              </p>
            ) : null}
          </fieldset>
          {canEdit ? (
            <div className="flex justify-end">
              <Button type="submit" size="sm" variant="secondary" loading={pending}>
                Save stages
              </Button>
            </div>
          ) : null}
        </fieldset>
      </form>
    </section>
  );
}
