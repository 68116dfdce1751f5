// A Scrum board while no sprint runs: it shows nothing (no columns counting hidden cards), says
// why, and offers the next step: the backlog, or starting the next planned sprint.
import { ListTodo, Timer } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { SprintDto } from "@/lib/server/queries/sprints";
import { StartSprintDialog } from "./start-sprint-dialog";

type Props = { projectKey: string; nextSprint: SprintDto | null; canManage: boolean };

export function NoSprintState({ projectKey, nextSprint, canManage }: Props) {
  const description = nextSprint
    ? canManage
      ? `${nextSprint.name} is planned with ${nextSprint.cardCount} ${nextSprint.cardCount === 1 ? "card" : "cards"}. Start it to work on its cards here.`
      : `${nextSprint.name} is planned. The board shows its cards once a product owner starts it.`
    : canManage
      ? "Plan a sprint in the backlog, then start it: its cards show here."
      : "The board shows the active sprint's cards once a product owner plans and starts a sprint.";
  return (
    <div className="px-4 py-10 sm:px-6">
      <EmptyState
        icon={<Timer />}
        title="No sprint is running"
        description={description}
        action={
          <>
            {canManage && nextSprint ? <StartSprintDialog projectKey={projectKey} sprint={nextSprint} blockedBy={null} variant="primary" /> : null}
            <Link href={`/${projectKey}/backlog`} className={buttonVariants({ size: "sm", variant: canManage && nextSprint ? "secondary" : "primary" })}>
              <ListTodo aria-hidden /> Go to the backlog
            </Link>
          </>
        }
      />
    </div>
  );
}
