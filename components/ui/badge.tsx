import type { ComponentPropsWithRef } from "react";
import { cn } from "@/lib/utils/cn";

// Full class strings (no interpolation) so Tailwind can see them.
const tones = {
  neutral: "bg-surface-2 text-muted",
  accent: "bg-accent-subtle text-accent",
  danger: "bg-danger-subtle text-danger",
  warning: "bg-warning-subtle text-warning",
  success: "bg-success-subtle text-success",
  info: "bg-info-subtle text-info",
  story: "bg-type-story-subtle text-type-story",
  bug: "bg-type-bug-subtle text-type-bug",
  task: "bg-type-task-subtle text-type-task",
  spike: "bg-type-spike-subtle text-type-spike",
  epic: "bg-type-epic-subtle text-type-epic",
  "pipeline-queued": "bg-pipeline-queued-subtle text-pipeline-queued",
  "pipeline-running": "bg-pipeline-running-subtle text-pipeline-running",
  "pipeline-success": "bg-pipeline-success-subtle text-pipeline-success",
  "pipeline-failure": "bg-pipeline-failure-subtle text-pipeline-failure",
  "pipeline-cancelled": "bg-pipeline-cancelled-subtle text-pipeline-cancelled",
  "pipeline-skipped": "bg-pipeline-skipped-subtle text-pipeline-skipped",
} as const;

export type BadgeTone = keyof typeof tones;
export type CardTypeTone = "story" | "bug" | "task" | "spike" | "epic";
export type PipelineTone = Extract<BadgeTone, `pipeline-${string}`>;

export type BadgeProps = ComponentPropsWithRef<"span"> & {
  tone?: BadgeTone;
  /** Leading dot in the tone colour (status-style badge). */
  dot?: boolean;
  /** Pulses the dot (e.g. a running pipeline) unless reduced motion is preferred. */
  pulse?: boolean;
};

/** Badge tone for a pipeline status string such as "running" or "failure". */
export function pipelineTone(status: string): PipelineTone {
  const key = `pipeline-${status.toLowerCase()}`;
  return key in tones ? (key as PipelineTone) : "pipeline-queued";
}

export function Badge({ tone = "neutral", dot = false, pulse = false, className, children, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex h-5 shrink-0 items-center gap-1 rounded-md px-1.5 text-xs font-medium whitespace-nowrap",
        "ring-1 ring-current/15 ring-inset [&_svg]:size-3 [&_svg]:shrink-0",
        tones[tone],
        className,
      )}
      {...props}
    >
      {dot ? (
        <span
          aria-hidden
          // Two steps, not a smooth fade: each frame of a smooth one repaints the whole board where
          // rendering is in software (CI, some laptops), which held a full board near 5 fps.
          className={cn("size-1.5 rounded-full bg-current", pulse && "motion-safe:animate-pulse motion-safe:[animation-timing-function:steps(2,jump-none)]")}
        />
      ) : null}
      {children}
    </span>
  );
}
