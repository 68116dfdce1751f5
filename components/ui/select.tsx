import type { ComponentPropsWithRef } from "react";
import { ChevronDown } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { controlClass } from "./input";

export type SelectProps = ComponentPropsWithRef<"select"> & {
  /** Classes for the wrapper (width, margins); `className` styles the select. */
  wrapperClassName?: string;
};

/** A native <select>: keyboard, mobile pickers and form posts work for free. */
export function Select({ className, wrapperClassName, children, ...props }: SelectProps) {
  return (
    <div className={cn("relative w-full", wrapperClassName)}>
      <select className={cn(controlClass, "h-8 appearance-none pr-8 pl-2.5", className)} {...props}>
        {children}
      </select>
      <ChevronDown
        aria-hidden
        className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-muted"
      />
    </div>
  );
}
