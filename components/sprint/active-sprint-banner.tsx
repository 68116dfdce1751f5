// The running sprint's header in the backlog: name, dates and days left, progress, goal, the way
// to the board, and "Complete sprint" for product owners. Its cards are listed below it.
import { CalendarDays, KanbanSquare } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import type { SprintDto } from "@/lib/server/queries/sprints";
import { CompleteSprintDialog } from "./complete-sprint-dialog";
import { pts, sprintDates } from "./sprint-format";

type Props = { projectKey: string; sprint: SprintDto; headingId: string; canManage: boolean; nextSprintName: string | null };

export function ActiveSprintBanner({ projectKey, sprint, headingId, canManage, nextSprintName }: Props) {
  const dates = sprintDates(sprint.startDate, sprint.endDate);
  const progress = sprint.points ? Math.round((sprint.donePoints / sprint.points) * 100) : 0;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2">
      <div className="flex items-center gap-2">
        <Badge tone="success" dot pulse>Active</Badge>
        <h2 id={headingId} className="text-sm font-semibold">
          <Link href={`/${projectKey}/sprints/${sprint.id}`} className="hover:underline">{sprint.name}</Link>
        </h2>
      </div>
      {dates ? (
        <span className="inline-flex items-center gap-1 text-xs text-muted">
          <CalendarDays aria-hidden className="size-3.5" /> {dates}
        </span>
      ) : null}
      <span className="text-xs text-muted tabular-nums">
        {sprint.doneCards} of {sprint.cardCount} cards done · {sprint.donePoints} of {pts(sprint.points)} ({progress}%)
      </span>
      <div className="ml-auto flex items-center gap-2">
        <Link href={`/${projectKey}/board`} className={buttonVariants({ size: "sm", variant: "ghost" })}>
          <KanbanSquare aria-hidden /> Open board
        </Link>
        {canManage ? <CompleteSprintDialog projectKey={projectKey} sprint={sprint} nextSprintName={nextSprintName} /> : null}
      </div>
      {sprint.goal ? <p className="basis-full text-xs text-muted">Goal: {sprint.goal}</p> : null}
    </div>
  );
}
