"use client";
// Completing the active sprint: what got done, and where the unfinished cards go (the next planned
// sprint, created if none, or the top of the backlog). The outcome is a toast: completing re-renders
// the page without an active sprint, which unmounts this dialog with it.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { completeSprintAction, type CompletedSprint } from "@/lib/actions/sprints";
import type { SprintDto } from "@/lib/server/queries/sprints";
import { pts } from "./sprint-format";

type Props = {
  projectKey: string;
  sprint: Pick<SprintDto, "id" | "name" | "cardCount" | "doneCards" | "points" | "donePoints">;
  nextSprintName: string | null;
};

function outcomeText({ summary }: CompletedSprint) {
  const done = `Completed ${pts(summary.completedPoints)} in ${summary.completedCards} cards of ${pts(summary.committedPoints)} committed.`;
  if (!summary.movedTo) return done;
  const count = summary.incompleteCards.length;
  const where = summary.movedTo.kind === "sprint" ? summary.movedTo.name : "the top of the backlog";
  return `${done} ${count} unfinished ${count === 1 ? "card" : "cards"} moved to ${where}.`;
}

export function CompleteSprintDialog({ projectKey, sprint, nextSprintName }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<"next" | "backlog">("next");
  const [pending, startTransition] = useTransition();
  const unfinished = sprint.cardCount - sprint.doneCards;

  const complete = () =>
    startTransition(async () => {
      const result = await completeSprintAction(projectKey, sprint.id, { incomplete: choice });
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      setOpen(false);
      toast.success(`${sprint.name} is complete`, {
        description: outcomeText(result.data),
        duration: 10_000,
        action: { label: "View report", onClick: () => router.push(`/${projectKey}/sprints/${sprint.id}`) },
      });
    });

  const destination = nextSprintName ?? "a new sprint";
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button size="sm" variant="primary" onClick={() => setOpen(true)}>
        Complete sprint
      </Button>
      <DialogContent title={`Complete ${sprint.name}`}>
        <div className="flex flex-col gap-4 text-sm">
          <dl className="grid grid-cols-2 gap-3">
            <div className="rounded-lg border border-border p-3">
              <dt className="text-xs text-muted">Done</dt>
              <dd className="text-lg font-semibold tabular-nums">{sprint.doneCards} cards · {pts(sprint.donePoints)}</dd>
            </div>
            <div className="rounded-lg border border-border p-3">
              <dt className="text-xs text-muted">Not done</dt>
              <dd className="text-lg font-semibold tabular-nums">{unfinished} cards · {pts(sprint.points - sprint.donePoints)}</dd>
            </div>
          </dl>
          {unfinished > 0 ? (
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 font-medium">Move the {unfinished} unfinished {unfinished === 1 ? "card" : "cards"} to</legend>
              <label className="flex items-center gap-2">
                <input type="radio" name="incomplete" checked={choice === "next"} onChange={() => setChoice("next")} />
                {nextSprintName ? `The next sprint (${nextSprintName})` : "A new sprint"}
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="incomplete" checked={choice === "backlog"} onChange={() => setChoice("backlog")} />
                The top of the backlog
              </label>
            </fieldset>
          ) : (
            <p className="text-muted">Every card is done. Well played.</p>
          )}
          <DialogFooter>
            <Button variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
            <Button variant="primary" loading={pending} onClick={complete}>
              {unfinished > 0 && choice === "next" ? `Complete and move to ${destination}` : "Complete sprint"}
            </Button>
          </DialogFooter>
        </div>
      </DialogContent>
    </Dialog>
  );
}
