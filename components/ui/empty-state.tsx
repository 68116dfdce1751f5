import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

export type EmptyStateProps = {
  /** A lucide icon element, e.g. <Inbox />. */
  icon?: ReactNode;
  title: ReactNode;
  /** Say what to do next, not only what is missing. */
  description?: ReactNode;
  /** Usually one primary Button; a secondary link may follow. */
  action?: ReactNode;
  /** "sm" for inside a column or panel, "md" for a whole page. */
  size?: "sm" | "md";
  className?: string;
};

export function EmptyState({ icon, title, description, action, size = "md", className }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center text-center",
        size === "md" ? "gap-3 rounded-xl border border-dashed border-border px-6 py-14" : "gap-2 px-4 py-6",
        className,
      )}
    >
      {icon ? (
        <div
          aria-hidden
          className={cn(
            "flex items-center justify-center rounded-lg border border-border bg-surface text-muted shadow-raised",
            size === "md" ? "size-10 [&_svg]:size-5" : "size-8 [&_svg]:size-4",
          )}
        >
          {icon}
        </div>
      ) : null}
      <div className="flex max-w-sm flex-col gap-1">
        <p className={cn("font-semibold text-foreground", size === "md" ? "text-base" : "text-sm")}>{title}</p>
        {description ? <p className="text-sm text-muted">{description}</p> : null}
      </div>
      {action ? <div className="mt-1 flex flex-wrap items-center justify-center gap-2">{action}</div> : null}
    </div>
  );
}
