// The running sprint, above the backlog: its cards live on the board, not here.
import { CalendarDays, KanbanSquare } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import type { SprintDto } from "@/lib/server/queries/sprints";
import { CompleteSprintDialog } from "./complete-sprint-dialog";
import { pts, sprintDates } from "./sprint-format";

type Props = { projectKey: string; sprint: SprintDto; canManage: boolean; nextSprintName: string | null };

export function ActiveSprintBanner({ projectKey, sprint, canManage, nextSprintName }: Props) {
  const dates = sprintDates(sprint.startDate, sprint.endDate);
  const progress = sprint.points ? Math.round((sprint.donePoints / sprint.points) * 100) : 0;
  return (
    <section aria-label={`Active sprint ${sprint.name}`} className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-border bg-surface px-3 py-2 shadow-raised">
      <div className="flex items-center gap-2">
        <Badge tone="success" dot pulse>Active</Badge>
        <Link href={`/${projectKey}/sprints/${sprint.id}`} className="text-sm font-semibold hover:underline">{sprint.name}</Link>
      </div>
      {dates ? (
        <span className="inline-flex items-center gap-1 text-xs text-muted">
          <CalendarDays aria-hidden className="size-3.5" /> {dates}
        </span>
      ) : null}
      <span className="text-xs text-muted tabular-nums">
        {sprint.doneCards} of {sprint.cardCount} cards done · {sprint.donePoints} of {pts(sprint.points)} ({progress}%)
      </span>
      {sprint.goal ? <span className="truncate text-xs text-muted">Goal: {sprint.goal}</span> : null}
      <div className="ml-auto flex items-center gap-2">
        <Link href={`/${projectKey}/board`} className={buttonVariants({ size: "sm", variant: "ghost" })}>
          <KanbanSquare aria-hidden /> Open board
        </Link>
        {canManage ? <CompleteSprintDialog projectKey={projectKey} sprint={sprint} nextSprintName={nextSprintName} /> : null}
      </div>
    </section>
  );
}
