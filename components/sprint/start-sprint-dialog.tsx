"use client";
// Starting a planned sprint: the product owner sees the commitment first (cards and points against
// capacity, the dates it will run) and a warning when it is over capacity, then starts it. Refused
// (with the reason) while another sprint runs.
import { Play, TriangleAlert } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Tooltip } from "@/components/ui/tooltip";
import { capacityState } from "@/lib/domain/sprint";
import { startSprintAction } from "@/lib/actions/sprints";
import type { SprintDto } from "@/lib/server/queries/sprints";
import { CapacityBar } from "./capacity-bar";
import { pts, sprintDates } from "./sprint-format";

type Props = {
  projectKey: string;
  sprint: Pick<SprintDto, "id" | "name" | "goal" | "startDate" | "endDate" | "capacity" | "cardCount" | "points">;
  /** The sprint that runs now, if any: starting another is refused until it is complete. */
  blockedBy: string | null;
  variant?: "primary" | "secondary";
};

export function StartSprintDialog({ projectKey, sprint, blockedBy, variant = "secondary" }: Props) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const { over, remaining } = capacityState(sprint.points, sprint.capacity);
  const dates = sprintDates(sprint.startDate, sprint.endDate);

  const start = () =>
    startTransition(async () => {
      const result = await startSprintAction(projectKey, sprint.id);
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      setOpen(false);
      toast.success(`${sprint.name} started: ${result.data.committedCards} cards, ${pts(result.data.committedPoints ?? 0)} committed.`);
    });

  const button = (
    <Button size="sm" variant={variant} onClick={blockedBy ? undefined : () => setOpen(true)} aria-disabled={blockedBy ? true : undefined}>
      <Play aria-hidden /> Start sprint
    </Button>
  );
  if (blockedBy) return <Tooltip content={`${blockedBy} is still active. Complete it first.`}>{button}</Tooltip>;

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {button}
      <DialogContent title={`Start ${sprint.name}`} description="The cards and points it starts with are recorded as the sprint's commitment.">
        <div className="flex flex-col gap-4 text-sm">
          <dl className="grid grid-cols-2 gap-3">
            <div className="rounded-lg border border-border p-3">
              <dt className="text-xs text-muted">Commitment</dt>
              <dd className="text-lg font-semibold tabular-nums">
                {sprint.cardCount} {sprint.cardCount === 1 ? "card" : "cards"} · {pts(sprint.points)}
              </dd>
            </div>
            <div className="rounded-lg border border-border p-3">
              <dt className="text-xs text-muted">Capacity</dt>
              <dd className="text-lg font-semibold tabular-nums">{sprint.capacity === null ? "Not set" : pts(sprint.capacity)}</dd>
            </div>
          </dl>
          <CapacityBar points={sprint.points} capacity={sprint.capacity} />
          <p className="text-muted">{dates ? `Runs ${dates}.` : "Runs two weeks from today (no dates set)."}</p>
          {sprint.goal ? <p><span className="font-medium">Goal:</span> {sprint.goal}</p> : null}
          {over ? (
            <p role="alert" className="flex items-start gap-2 rounded-lg bg-danger-subtle p-3 text-danger">
              <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
              <span>
                <span className="font-semibold">Over capacity by {pts(-remaining!)}.</span> The team takes on more than it can finish. Move cards back to the
                backlog first, or start anyway.
              </span>
            </p>
          ) : null}
          {sprint.cardCount === 0 ? <p role="alert" className="rounded-lg bg-warning-subtle p-3 text-warning">This sprint has no cards yet. Plan some from the backlog first, or start it empty.</p> : null}
          <DialogFooter>
            <Button variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
            <Button variant={over ? "danger" : "primary"} loading={pending} onClick={start}>
              {over ? "Start anyway" : "Start sprint"}
            </Button>
          </DialogFooter>
        </div>
      </DialogContent>
    </Dialog>
  );
}
