"use client";
// The backlog section's header: how many cards, how many started or done cards are hidden (with
// the switch to show them), shortcuts and "Create sprint".
import { Eye, EyeOff } from "lucide-react";
import { CreateSprintButton } from "@/components/sprint/create-sprint-button";
import { Button } from "@/components/ui/button";

type Props = {
  projectKey: string;
  total: number;
  /** Started or done cards outside sprints that the list leaves out. */
  hidden: number;
  showAll: boolean;
  filtered: boolean;
  canManage: boolean;
  suggestedSprintName: string;
  onShowAll: (on: boolean) => void;
  onShortcuts: () => void;
};

export function BacklogHeader({ projectKey, total, hidden, showAll, filtered, canManage, suggestedSprintName, onShowAll, onShortcuts }: Props) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
      <h2 id="backlog-heading" className="text-sm font-semibold">Backlog</h2>
      <span className="text-xs text-muted">
        {total} {total === 1 ? "card" : "cards"}
        {filtered ? " match" : ""}
        {showAll ? "" : " not started"}
      </span>
      {showAll ? (
        <Button size="sm" variant="ghost" aria-pressed onClick={() => onShowAll(false)}>
          <EyeOff aria-hidden /> Hide started and done
        </Button>
      ) : hidden > 0 ? (
        <Button size="sm" variant="ghost" aria-pressed={false} onClick={() => onShowAll(true)}>
          <Eye aria-hidden /> Show {hidden} started or done
        </Button>
      ) : null}
      <div className="ml-auto flex items-center gap-1">
        <Button size="sm" variant="ghost" onClick={onShortcuts}>Shortcuts</Button>
        {canManage ? <CreateSprintButton projectKey={projectKey} suggestedName={suggestedSprintName} /> : null}
      </div>
    </div>
  );
}
