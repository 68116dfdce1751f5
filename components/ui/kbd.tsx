import type { ComponentPropsWithRef } from "react";
import { cn } from "@/lib/utils/cn";

export type KbdProps = ComponentPropsWithRef<"kbd">;

/** One key cap. For a combo render several: <Kbd>⌘</Kbd><Kbd>K</Kbd>. */
export function Kbd({ className, ...props }: KbdProps) {
  return (
    <kbd
      className={cn(
        "inline-flex h-5 min-w-5 items-center justify-center rounded border border-border bg-surface-2 px-1",
        "font-sans text-2xs font-medium text-muted shadow-[inset_0_-1px_0_var(--color-border)]",
        className,
      )}
      {...props}
    />
  );
}
