// The Scrum board's header: the running sprint's name, goal and days left, the points committed
// at the start against the points done now, and "Complete sprint" for product owners. Fed by the
// live board, so the figures follow every move.
import { CalendarDays, Target } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { daysUntil } from "@/lib/domain/sprint";
import type { BoardSprint } from "@/lib/server/queries/board";
import { cn } from "@/lib/utils/cn";
import { CompleteSprintDialog } from "./complete-sprint-dialog";
import { daysLeftText, pts, sprintDates } from "./sprint-format";

type Props = {
  projectKey: string;
  sprint: BoardSprint;
  /** The server's "now" (ISO) when the page was rendered: days left are counted from it. */
  now: string;
  canManage: boolean;
  nextSprintName: string | null;
};

export function SprintBoardHeader({ projectKey, sprint, now, canManage, nextSprintName }: Props) {
  const days = sprint.endDate ? daysUntil(new Date(sprint.endDate), new Date(now)) : null;
  const done = sprint.points ? Math.round((sprint.donePoints / sprint.points) * 100) : 0;
  return (
    <section aria-label={`Sprint ${sprint.name}`} className="flex flex-wrap items-center gap-x-4 gap-y-1.5 border-b border-border bg-surface px-4 py-2 text-sm sm:px-6">
      <div className="flex min-w-0 items-center gap-2">
        <Badge tone="success" dot>Active</Badge>
        <h2 className="truncate font-semibold">
          <Link href={`/${projectKey}/sprints/${sprint.id}`} className="hover:underline">{sprint.name}</Link>
        </h2>
      </div>
      {sprint.endDate ? (
        <span className="inline-flex items-center gap-1 text-xs text-muted">
          <CalendarDays aria-hidden className="size-3.5" /> {sprintDates(sprint.startDate, sprint.endDate)}
          <span className={cn("font-medium", days !== null && days < 0 ? "text-danger" : days !== null && days <= 1 ? "text-warning" : "text-foreground")}>
            · {daysLeftText(days!)}
          </span>
        </span>
      ) : null}
      <span className="inline-flex items-center gap-2 text-xs text-muted tabular-nums">
        <span>Committed {pts(sprint.committedPoints)}</span>
        <span aria-hidden>·</span>
        <span>
          Done <span className="font-medium text-foreground">{sprint.donePoints}</span> of {pts(sprint.points)}
        </span>
        <span
          role="meter"
          aria-label="Points done"
          aria-valuemin={0}
          aria-valuemax={sprint.points}
          aria-valuenow={sprint.donePoints}
          aria-valuetext={`${sprint.donePoints} of ${sprint.points} points done`}
          className="hidden h-1.5 w-20 overflow-hidden rounded-full bg-surface-2 sm:block"
        >
          <span className="block h-full rounded-full bg-success" style={{ width: `${done}%` }} />
        </span>
      </span>
      {canManage ? (
        <div className="ml-auto">
          <CompleteSprintDialog projectKey={projectKey} sprint={sprint} nextSprintName={nextSprintName} />
        </div>
      ) : null}
      {sprint.goal ? (
        <p className="flex basis-full items-start gap-1 text-xs text-muted">
          <Target aria-hidden className="mt-px size-3.5 shrink-0" /> <span><span className="sr-only">Goal: </span>{sprint.goal}</span>
        </p>
      ) : null}
    </section>
  );
}
