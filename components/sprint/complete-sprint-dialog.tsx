"use client";
// Completing the active sprint: what got done, and where the unfinished cards go (the next planned
// sprint, created if none, or the top of the backlog). Shows the recorded outcome afterwards.
import { CircleCheck } from "lucide-react";
import Link from "next/link";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { buttonVariants, Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { completeSprintAction, type CompletedSprint } from "@/lib/actions/sprints";
import type { SprintDto } from "@/lib/server/queries/sprints";
import { pts } from "./sprint-format";

type Props = { projectKey: string; sprint: SprintDto; nextSprintName: string | null };

export function CompleteSprintDialog({ projectKey, sprint, nextSprintName }: Props) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<"next" | "backlog">("next");
  const [outcome, setOutcome] = useState<CompletedSprint | null>(null);
  const [pending, startTransition] = useTransition();
  const unfinished = sprint.cardCount - sprint.doneCards;

  const complete = () =>
    startTransition(async () => {
      const result = await completeSprintAction(projectKey, sprint.id, { incomplete: choice });
      if (result.ok) setOutcome(result.data);
      else toast.error(result.message);
    });

  const destination = nextSprintName ?? "a new sprint";
  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), next || setOutcome(null))}>
      <Button size="sm" variant="primary" onClick={() => setOpen(true)}>
        Complete sprint
      </Button>
      <DialogContent title={outcome ? `${sprint.name} is complete` : `Complete ${sprint.name}`}>
        {outcome ? (
          <div className="flex flex-col gap-3 text-sm">
            <p className="flex items-center gap-2">
              <CircleCheck aria-hidden className="size-4 text-success" />
              Completed {pts(outcome.summary.completedPoints)} in {outcome.summary.completedCards} cards of {pts(outcome.summary.committedPoints)} committed.
            </p>
            {outcome.summary.movedTo ? (
              <p className="text-muted">
                {outcome.summary.incompleteCards.length} unfinished {outcome.summary.incompleteCards.length === 1 ? "card moved" : "cards moved"} to{" "}
                {outcome.summary.movedTo.kind === "sprint" ? outcome.summary.movedTo.name : "the top of the backlog"}.
              </p>
            ) : null}
            <DialogFooter>
              <Link href={`/${projectKey}/sprints/${sprint.id}`} className={buttonVariants({ variant: "secondary" })}>
                View sprint report
              </Link>
              <Button variant="primary" onClick={() => setOpen(false)}>Done</Button>
            </DialogFooter>
          </div>
        ) : (
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
        )}
      </DialogContent>
    </Dialog>
  );
}
