import { TriangleAlert } from "lucide-react";
import { capacityState } from "@/lib/domain/sprint";
import { cn } from "@/lib/utils/cn";
import { pts } from "./sprint-format";

/**
 * Points against capacity: "13 of 20 pts" and a bar that turns red, with a warning, when the
 * sprint holds more than the team can take. Without a capacity it shows the points alone.
 */
export function CapacityBar({ points, capacity, className }: { points: number; capacity: number | null; className?: string }) {
  const { over, remaining } = capacityState(points, capacity);
  if (capacity === null) return <span className={cn("text-xs text-muted tabular-nums", className)}>{pts(points)} · no capacity set</span>;
  const filled = capacity === 0 ? (points > 0 ? 100 : 0) : Math.min(100, (points / capacity) * 100);
  return (
    <div className={cn("flex items-center gap-2 text-xs", className)}>
      <div
        role="meter"
        aria-label="Committed points against capacity"
        aria-valuemin={0}
        aria-valuemax={capacity}
        aria-valuenow={points}
        aria-valuetext={`${points} of ${capacity} points`}
        className="h-1.5 w-24 overflow-hidden rounded-full bg-surface-2"
      >
        <div className={cn("h-full rounded-full", over ? "bg-danger" : filled >= 90 ? "bg-warning" : "bg-accent")} style={{ width: `${filled}%` }} />
      </div>
      <span className={cn("tabular-nums", over ? "font-medium text-danger" : "text-muted")}>
        {points} of {pts(capacity)}
      </span>
      {over ? (
        <span className="inline-flex items-center gap-1 font-medium text-danger">
          <TriangleAlert aria-hidden className="size-3.5" /> Over capacity by {pts(-remaining!)}
        </span>
      ) : null}
    </div>
  );
}
