"use client";
import { Play } from "lucide-react";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import { startSprintAction } from "@/lib/actions/sprints";

/** Starts a planned sprint; refused (with the reason) while another one runs. */
export function StartSprintButton({ projectKey, sprintId, name, blockedBy }: { projectKey: string; sprintId: string; name: string; blockedBy: string | null }) {
  const [pending, startTransition] = useTransition();
  const start = () =>
    startTransition(async () => {
      const result = await startSprintAction(projectKey, sprintId);
      if (result.ok) toast.success(`${name} started: ${result.data.committedCards} cards, ${result.data.committedPoints} points committed.`);
      else toast.error(result.message);
    });
  const button = (
    <Button size="sm" variant="secondary" loading={pending} onClick={blockedBy ? undefined : start} aria-disabled={blockedBy ? true : undefined}>
      <Play aria-hidden /> Start sprint
    </Button>
  );
  return blockedBy ? <Tooltip content={`${blockedBy} is still active. Complete it first.`}>{button}</Tooltip> : button;
}
