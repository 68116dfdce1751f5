"use client";
// The date range and filters every report shares, kept in the URL: a change navigates and the
// server answers with the reports recomputed.
import { X } from "lucide-react";
import { TYPE_LABELS } from "@/components/card/card-fields";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { useUrlQuery } from "@/lib/hooks/use-url-query";
import { REPORT_FILTER_KEYS } from "@/lib/validation/report-page";

type Props = {
  /** The range in force (the defaults when the URL names none). */
  from: string;
  to: string;
  labels: string[];
  members: Array<{ id: string; name: string }>;
  epics: Array<{ key: string; title: string }>;
};

export function ReportFilters({ from, to, labels, members, epics }: Props) {
  const { params, navigate, isPending } = useUrlQuery();
  const filtered = REPORT_FILTER_KEYS.some((key) => params.has(key));
  const select = (key: (typeof REPORT_FILTER_KEYS)[number], label: string, options: Array<[string, string]>, width: string) => (
    <Select aria-label={label} value={params.get(key) ?? ""} onChange={(event) => navigate({ [key]: event.target.value || null })} wrapperClassName={width}>
      <option value="">{`Any ${label.toLowerCase()}`}</option>
      {options.map(([id, name]) => (
        <option key={id} value={id}>{name}</option>
      ))}
    </Select>
  );
  const date = (key: "from" | "to", label: string, value: string) => (
    <label className="flex items-center gap-1.5 text-xs text-muted">
      {label}
      <Input
        key={value}
        type="date"
        defaultValue={value}
        className="w-36"
        // A date input fires change on every segment typed; navigate once the date is whole.
        onChange={(event) => event.target.value && navigate({ [key]: event.target.value })}
      />
    </label>
  );
  return (
    <div role="search" aria-label="Report filters" className="flex flex-wrap items-center gap-2">
      {date("from", "From", from)}
      {date("to", "To", to)}
      {select("type", "Type", Object.entries(TYPE_LABELS), "w-28")}
      {select("epic", "Epic", epics.map((epic) => [epic.key, epic.title]), "w-44")}
      {select("label", "Label", labels.map((label) => [label, label]), "w-32")}
      {select("assignee", "Assignee", members.map((member) => [member.id, member.name]), "w-36")}
      {filtered ? (
        <Button size="sm" variant="ghost" onClick={() => navigate(Object.fromEntries(REPORT_FILTER_KEYS.map((key) => [key, null])))}>
          <X aria-hidden /> Clear filters
        </Button>
      ) : null}
      {isPending ? <Spinner size="sm" label="Updating the reports" /> : null}
    </div>
  );
}
