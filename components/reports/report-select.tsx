"use client";
// A report's own choice (sprint, interval) kept in the URL, beside the shared filters.
import { Select } from "@/components/ui/select";
import { useUrlQuery } from "@/lib/hooks/use-url-query";

type Props = { param: string; label: string; value: string; options: Array<[string, string]>; className?: string };

export function ReportSelect({ param, label, value, options, className = "w-48" }: Props) {
  const { navigate } = useUrlQuery();
  return (
    <label className="flex items-center gap-2 text-xs text-muted">
      {label}
      <Select value={value} onChange={(event) => navigate({ [param]: event.target.value })} wrapperClassName={className}>
        {options.map(([id, name]) => (
          <option key={id} value={id}>{name}</option>
        ))}
      </Select>
    </label>
  );
}
