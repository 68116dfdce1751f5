import type { ComponentPropsWithRef } from "react";
import { cn } from "@/lib/utils/cn";

/**
 * Shared look for text-like controls. Focus shows the global ring tight to the
 * border; aria-invalid (set by <Field>) turns the border red.
 */
export const controlClass =
  "w-full min-w-0 rounded-md border border-input bg-surface text-base text-foreground shadow-raised sm:text-sm " +
  "transition-colors placeholder:text-muted hover:border-muted/60 focus-visible:border-accent focus-visible:outline-offset-0 " +
  "disabled:cursor-not-allowed disabled:bg-surface-2 disabled:opacity-60 " +
  "aria-invalid:border-danger aria-invalid:focus-visible:outline-danger";

export type InputProps = ComponentPropsWithRef<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return (
    <input
      type={type}
      className={cn(
        controlClass,
        "h-8 px-2.5 file:mr-2 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground",
        className,
      )}
      {...props}
    />
  );
}
