import { cn } from "@/lib/utils/cn";

/** A grey placeholder block while a page streams in. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn("rounded-md bg-surface-2 motion-safe:animate-pulse", className)} />;
}

/** Announces the wait once, for screen readers; the skeleton blocks beside it are hidden from them. */
export function LoadingStatus({ label = "Loading…" }: { label?: string }) {
  return (
    <p role="status" className="sr-only">
      {label}
    </p>
  );
}
