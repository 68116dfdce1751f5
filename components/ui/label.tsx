import type { ComponentPropsWithRef } from "react";
import { cn } from "@/lib/utils/cn";

export type LabelProps = ComponentPropsWithRef<"label"> & {
  /** Adds a visual marker; the control itself should still carry `required`. */
  required?: boolean;
};

export function Label({ className, required, children, ...props }: LabelProps) {
  return (
    <label className={cn("inline-flex items-center gap-1 text-sm font-medium text-foreground", className)} {...props}>
      {children}
      {required ? (
        <span aria-hidden className="text-danger">
          *
        </span>
      ) : null}
    </label>
  );
}
