"use client";
import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { STAGES, type Stage } from "@/lib/domain/pipeline/types";

export type StageRuleRow = { key: number; pattern: string; stage: Stage };

/** The rows that say something, as the API takes them (blank patterns are left out). */
export function stageRulesOf(rows: StageRuleRow[]) {
  return rows.filter((row) => row.pattern.trim() !== "").map(({ pattern, stage }) => ({ pattern, stage }));
}

type Props = { rows: StageRuleRow[]; onChange: (rows: StageRuleRow[]) => void; errors?: Record<string, string> };

/**
 * Stage rules of an integration: job names matching a pattern take its stage, first match first.
 * Errors are keyed as the API reports them (`stageRules.0.pattern`) and point at rows with a
 * pattern, in order, as stageRulesOf sends them.
 */
export function StageRulesEditor({ rows, onChange, errors }: Props) {
  const update = (key: number, change: Partial<StageRuleRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => onChange([...rows, { key: Math.max(0, ...rows.map((row) => row.key)) + 1, pattern: "", stage: "test" }]);
  const sent = rows.filter((row) => row.pattern.trim() !== "");
  const errorOf = (row: StageRuleRow) => {
    const index = sent.indexOf(row);
    return index < 0 ? undefined : (errors?.[`stageRules.${index}.pattern`] ?? errors?.[`stageRules.${index}.stage`]);
  };
  return (
    <fieldset className="flex flex-col gap-2 sm:col-span-4">
      <legend className="mb-1 text-sm font-medium">Stage rules <span className="font-normal text-muted">(optional)</span></legend>
      <p id="stage-rules-hint" className="text-xs text-muted">
        A job whose name matches a rule counts as that stage; the first match wins. Plain text matches anywhere in the name; a regular expression goes between
        slashes, e.g. <code className="font-mono">/^deploy-(eu|us)/</code> (RE2 syntax: no lookaheads or backreferences). Without rules, names such as build, test,
        release and deploy are recognised.
      </p>
      {rows.map((row, index) => {
        const error = errorOf(row);
        const errorId = `stage-rule-${row.key}-error`;
        return (
          <div key={row.key} className="flex flex-col gap-1">
            <div className="flex items-center gap-2">
              <Input
                aria-label={`Rule ${index + 1} pattern`}
                aria-describedby={error ? errorId : "stage-rules-hint"}
                aria-invalid={error ? true : undefined}
                className="min-w-0 flex-1 font-mono"
                placeholder="/^deploy-/ or e2e"
                maxLength={200}
                value={row.pattern}
                onChange={(event) => update(row.key, { pattern: event.target.value })}
              />
              <Select aria-label={`Rule ${index + 1} stage`} wrapperClassName="w-28 shrink-0" value={row.stage} onChange={(event) => update(row.key, { stage: event.target.value as Stage })}>
                {STAGES.map((stage) => (
                  <option key={stage} value={stage}>{stage}</option>
                ))}
              </Select>
              <Button type="button" size="icon" variant="ghost" aria-label={`Remove rule ${index + 1}`} onClick={() => onChange(rows.filter((other) => other.key !== row.key))}>
                <X aria-hidden />
              </Button>
            </div>
            <p id={errorId} aria-live="polite" className="text-xs text-danger">{error}</p>
          </div>
        );
      })}
      <Button type="button" size="sm" variant="ghost" className="self-start" onClick={add}>
        <Plus aria-hidden /> Add rule
      </Button>
    </fieldset>
  );
}
