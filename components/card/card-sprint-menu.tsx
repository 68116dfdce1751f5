"use client";
// Where a Scrum card is planned (a sprint or the backlog) and "Move to…" the running sprint, a
// planned one or the backlog, through the same planning service as the backlog (Definition of
// Ready, the running sprint's WIP limits and scope changes included).
import { ChevronDown, Rows3, Timer } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { buttonVariants } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { planCardsAction } from "@/lib/actions/backlog";

export type SprintOption = { id: string; name: string; active: boolean };

type Props = {
  projectKey: string;
  cardKey: string;
  sprintId: string | null;
  /** The running sprint and the planned ones. */
  sprints: SprintOption[];
  canMove: boolean;
  /** Called after a move; defaults to a page refresh. */
  onMoved?: () => void;
};

const label = (sprint: SprintOption) => (sprint.active ? `${sprint.name} (active)` : sprint.name);

export function CardSprintMenu({ projectKey, cardKey, sprintId, sprints, canMove, onMoved }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const current = sprints.find((sprint) => sprint.id === sprintId);
  const targets = [...sprints.filter((sprint) => sprint.id !== sprintId), ...(sprintId ? [{ id: "", name: "Backlog", active: false }] : [])];

  const moveTo = (target: SprintOption) =>
    startTransition(async () => {
      const result = await planCardsAction(projectKey, { sprintId: target.id || null, cardKeys: [cardKey] });
      if (result.ok) toast.success(`${cardKey} moved to ${target.name}`);
      else toast.error(result.code === "DOR_INCOMPLETE" ? "Not ready for a sprint" : `${cardKey} was not moved`, { description: result.message });
      (onMoved ?? (() => router.refresh()))();
    });

  return (
    <div>
      <p className="text-xs font-medium text-muted">Sprint</p>
      <div className="mt-1 flex items-center justify-between gap-2">
        <p className="text-sm font-medium" data-testid="card-sprint">{current ? label(current) : sprintId ? "A closed sprint" : "Backlog"}</p>
        {canMove && targets.length ? (
          <DropdownMenu>
            <DropdownMenuTrigger className={buttonVariants({ variant: "ghost", size: "sm" })} disabled={pending}>
              Move to… <ChevronDown aria-hidden />
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              {targets.map((target) => (
                <DropdownMenuItem key={target.id || "backlog"} onSelect={() => moveTo(target)}>
                  {target.id ? <Timer aria-hidden /> : <Rows3 aria-hidden />} {target.id ? label(target) : "Backlog"}
                </DropdownMenuItem>
              ))}
            </DropdownMenuContent>
          </DropdownMenu>
        ) : null}
      </div>
    </div>
  );
}
