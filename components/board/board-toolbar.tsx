"use client";
// The board's toolbar: quick filters (in the URL, so they survive a reload), the swimlane choice
// and the WIP mode. The project header above it carries the name and the "New card" button.
import { Ban, Keyboard, Lock, LockOpen, User, X } from "lucide-react";
import { useState, type ReactNode, type Ref } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { SearchInput } from "@/components/ui/search-input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { TYPE_LABELS } from "@/components/card/card-fields";
import { Tooltip } from "@/components/ui/tooltip";
import { useDebounced } from "@/lib/hooks/use-debounced";
import { LANE_MODES, type LaneMode } from "./board-layout";
import { FILTER_KEYS, type BoardSearch, type BoardSearchChanges } from "./search-params";
import type { WipMode } from "./types";

const LANE_LABELS: Record<LaneMode, string> = { none: "No swimlanes", assignee: "By assignee", priority: "By priority", epic: "By epic" };

export interface BoardToolbarProps {
  wipMode: WipMode;
  members: Array<{ id: string; name: string }>;
  labels: string[];
  search: BoardSearch;
  isFiltering: boolean;
  filterRef: Ref<HTMLInputElement>;
  onFilter: (changes: BoardSearchChanges) => void;
  onLane: (lane: LaneMode) => void;
  onShortcuts: () => void;
}

function Toggle({ pressed, onChange, icon, children }: { pressed: boolean; onChange: (next: boolean) => void; icon: ReactNode; children: string }) {
  return (
    <Button size="sm" variant={pressed ? "primary" : "outline"} aria-pressed={pressed} onClick={() => onChange(!pressed)}>
      {icon}
      {children}
    </Button>
  );
}

export function BoardToolbar(props: BoardToolbarProps) {
  const { wipMode, members, labels, search, isFiltering, filterRef, onFilter, onLane, onShortcuts } = props;
  // Clearing remounts the text inputs so they show the cleared URL; typing never remounts them.
  const [resets, setResets] = useState(0);
  // One timer per box: a keystroke in one must not cancel the other's pending change.
  const typedQuery = useDebounced((value: string) => onFilter({ q: value.trim() || null }));
  const typedLabel = useDebounced((value: string) => onFilter({ label: value.trim() || null }));
  const filtered = FILTER_KEYS.some((key) => search[key] !== undefined);
  const hard = wipMode === "HARD";

  return (
    <div role="search" aria-label="Board filters" className="flex flex-wrap items-center gap-2 border-b border-border bg-surface px-4 py-2.5 sm:px-6">
      <SearchInput
        key={`q${resets}`}
        ref={filterRef}
        wrapperClassName="w-44"
        aria-label="Filter cards"
        placeholder="Filter cards…"
        aria-keyshortcuts="/"
        defaultValue={search.q ?? ""}
        onChange={(event) => typedQuery.run(event.target.value)}
      />
      <Select aria-label="Assignee" value={search.assigneeId ?? ""} onChange={(event) => onFilter({ assigneeId: event.target.value || null })} wrapperClassName="w-36">
        <option value="">Any assignee</option>
        {members.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
      </Select>
      <Input
        key={`label${resets}`}
        aria-label="Label"
        placeholder="Label"
        list="board-labels"
        defaultValue={search.label ?? ""}
        onChange={(event) => typedLabel.run(event.target.value)}
        className="w-24"
      />
      <datalist id="board-labels">
        {labels.map((label) => (
          <option key={label} value={label} />
        ))}
      </datalist>
      <Select aria-label="Type" value={search.type ?? ""} onChange={(event) => onFilter({ type: event.target.value || null })} wrapperClassName="w-28">
        <option value="">Any type</option>
        {Object.entries(TYPE_LABELS).map(([type, label]) => (
          <option key={type} value={type}>
            {label}
          </option>
        ))}
      </Select>
      <Toggle pressed={search.mine === true} onChange={(on) => onFilter({ mine: on ? "true" : null })} icon={<User aria-hidden />}>
        Only mine
      </Toggle>
      <Toggle pressed={search.blocked === true} onChange={(on) => onFilter({ blocked: on ? "true" : null })} icon={<Ban aria-hidden />}>
        Blocked
      </Toggle>
      {filtered ? (
        <Button
          size="sm"
          variant="ghost"
          aria-label="Clear filters"
          onClick={() => {
            typedQuery.cancel();
            typedLabel.cancel();
            setResets((n) => n + 1);
            onFilter(Object.fromEntries(FILTER_KEYS.map((key) => [key, null])));
          }}
        >
          <X aria-hidden /> Clear
        </Button>
      ) : null}
      {isFiltering ? <Spinner size="sm" label="Updating the board" /> : null}

      <div className="ml-auto flex items-center gap-2">
        <Select aria-label="Swimlanes" value={search.lane} onChange={(event) => onLane(event.target.value as LaneMode)} wrapperClassName="w-36">
          {LANE_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {LANE_LABELS[mode]}
            </option>
          ))}
        </Select>
        <Tooltip content={hard ? "Hard WIP limits: a full column refuses cards." : "Soft WIP limits: a full column accepts cards and shows the breach."}>
          <span tabIndex={0} className="rounded-md">
            <Badge tone={hard ? "danger" : "warning"}>
              {hard ? <Lock aria-hidden /> : <LockOpen aria-hidden />}
              {hard ? "Hard WIP" : "Soft WIP"}
            </Badge>
          </span>
        </Tooltip>
        <Tooltip content="Keyboard shortcuts" shortcut="?">
          <Button variant="ghost" size="icon" aria-label="Keyboard shortcuts" onClick={onShortcuts}>
            <Keyboard aria-hidden />
          </Button>
        </Tooltip>
      </div>
    </div>
  );
}
