import type { ComponentPropsWithRef } from "react";
import { cn } from "@/lib/utils/cn";
import { controlClass } from "./input";

export type TextareaProps = ComponentPropsWithRef<"textarea">;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return (
    <textarea
      rows={rows}
      className={cn(controlClass, "block min-h-16 resize-y px-2.5 py-1.5 leading-5", className)}
      {...props}
    />
  );
}
