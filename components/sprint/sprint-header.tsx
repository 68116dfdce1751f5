"use client";
// The header of a planned sprint's section in the backlog: name, dates, goal, points against
// capacity, and (for product owners) Start, Edit and Delete.
import { CalendarDays, MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { deleteSprintAction } from "@/lib/actions/sprints";
import type { SprintDto } from "@/lib/server/queries/sprints";
import { CapacityBar } from "./capacity-bar";
import { SprintDialog } from "./sprint-dialog";
import { sprintDates } from "./sprint-format";
import { StartSprintDialog } from "./start-sprint-dialog";

type Props = { projectKey: string; sprint: SprintDto; headingId: string; canManage: boolean; activeSprintName: string | null };

export function SprintHeader({ projectKey, sprint, headingId, canManage, activeSprintName }: Props) {
  const [editing, setEditing] = useState(false);
  const [, startTransition] = useTransition();
  const dates = sprintDates(sprint.startDate, sprint.endDate);
  const remove = () =>
    startTransition(async () => {
      const result = await deleteSprintAction(projectKey, sprint.id);
      if (result.ok) toast.success(`Deleted ${sprint.name}; its cards are back in the backlog.`);
      else toast.error(result.message);
    });

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
      <h2 id={headingId} className="text-sm font-semibold">{sprint.name}</h2>
      {dates ? (
        <span className="inline-flex items-center gap-1 text-xs text-muted">
          <CalendarDays aria-hidden className="size-3.5" /> {dates}
        </span>
      ) : null}
      <span className="text-xs text-muted">{sprint.cardCount} {sprint.cardCount === 1 ? "card" : "cards"}</span>
      <CapacityBar points={sprint.points} capacity={sprint.capacity} />
      {canManage ? (
        <div className="ml-auto flex items-center gap-1">
          <StartSprintDialog projectKey={projectKey} sprint={sprint} blockedBy={activeSprintName} />
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button size="icon" variant="ghost" aria-label={`More actions for ${sprint.name}`}>
                <MoreHorizontal aria-hidden />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem onSelect={() => setEditing(true)}>
                <Pencil aria-hidden /> Edit sprint
              </DropdownMenuItem>
              <DropdownMenuItem destructive onSelect={remove}>
                <Trash2 aria-hidden /> Delete sprint
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
          <SprintDialog projectKey={projectKey} sprint={sprint} open={editing} onOpenChange={setEditing} />
        </div>
      ) : null}
      {sprint.goal ? <p className="basis-full text-xs text-muted">Goal: {sprint.goal}</p> : null}
    </div>
  );
}
