"use client";
// Text search and filters of the backlog, kept in the URL.
import { X } from "lucide-react";
import { useState, type Ref } from "react";
import { TYPE_LABELS } from "@/components/card/card-fields";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { SearchInput } from "@/components/ui/search-input";
import { Spinner } from "@/components/ui/spinner";
import { useDebounced } from "@/lib/hooks/use-debounced";
import { FILTER_KEYS, useBacklogUrl } from "./use-backlog-url";

type Props = {
  labels: string[];
  members: Array<{ id: string; name: string }>;
  epics: Array<{ key: string; title: string }>;
  searchRef: Ref<HTMLInputElement>;
};

export function BacklogFilters({ labels, members, epics, searchRef }: Props) {
  const { params, setParams, isPending } = useBacklogUrl();
  // Clearing remounts the search box so it shows the cleared URL; typing never remounts it.
  const [resets, setResets] = useState(0);
  const search = useDebounced((text: string) => setParams({ q: text || null, limit: null }));
  const value = (key: string) => params.get(key) ?? "";
  const filtered = FILTER_KEYS.some((key) => params.has(key));
  const select = (key: (typeof FILTER_KEYS)[number], label: string, options: Array<[string, string]>, width: string) => (
    <Select aria-label={label} value={value(key)} onChange={(event) => setParams({ [key]: event.target.value || null, limit: null })} wrapperClassName={width}>
      <option value="">{`Any ${label.toLowerCase()}`}</option>
      {options.map(([id, name]) => (
        <option key={id} value={id}>{name}</option>
      ))}
    </Select>
  );

  return (
    <div role="search" aria-label="Backlog filters" className="flex flex-wrap items-center gap-2">
      <SearchInput
        key={`q${resets}`}
        ref={searchRef}
        wrapperClassName="w-56"
        aria-label="Search the backlog"
        aria-keyshortcuts="/"
        placeholder="Search titles or keys…"
        defaultValue={value("q")}
        onChange={(event) => search.run(event.target.value.trim())}
      />
      {select("type", "Type", Object.entries(TYPE_LABELS), "w-28")}
      {select("epic", "Epic", epics.map((epic) => [epic.key, epic.title]), "w-44")}
      {select("label", "Label", labels.map((label) => [label, label]), "w-32")}
      {select("assignee", "Assignee", members.map((member) => [member.id, member.name]), "w-36")}
      {filtered ? (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            search.cancel();
            setResets((n) => n + 1);
            setParams(Object.fromEntries([...FILTER_KEYS, "limit"].map((key) => [key, null])));
          }}
        >
          <X aria-hidden /> Clear filters
        </Button>
      ) : null}
      {isPending ? <Spinner size="sm" label="Updating the backlog" /> : null}
    </div>
  );
}
