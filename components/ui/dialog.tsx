"use client";

import type { ComponentPropsWithRef, ReactNode } from "react";
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { cn } from "@/lib/utils/cn";

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

const widths = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-2xl", xl: "max-w-4xl" } as const;

export type DialogContentProps = Omit<ComponentPropsWithRef<typeof DialogPrimitive.Content>, "title"> & {
  /** Required: Radix wires it to aria-labelledby. */
  title: ReactNode;
  description?: ReactNode;
  size?: keyof typeof widths;
  /** Hide the corner close button (Escape and the overlay still close). */
  hideClose?: boolean;
};

/** Overlay + centred panel with a title row; scrolls inside when tall. */
export function DialogContent({
  title,
  description,
  size = "md",
  hideClose = false,
  className,
  children,
  ...props
}: DialogContentProps) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-overlay motion-safe:data-[state=open]:animate-fade-in" />
      <DialogPrimitive.Content
        className={cn(
          "fixed top-[12vh] left-1/2 z-50 flex max-h-[80vh] w-[calc(100vw-2rem)] -translate-x-1/2 flex-col",
          "rounded-xl border border-border bg-surface text-foreground shadow-overlay",
          "motion-safe:data-[state=open]:animate-pop-in focus-visible:outline-none",
          widths[size],
          className,
        )}
        {...(description ? {} : { "aria-describedby": undefined })}
        {...props}
      >
        <div className={cn("flex flex-col gap-1 px-5 pt-4 pb-3", !hideClose && "pr-12")}>
          <DialogPrimitive.Title className="text-base font-semibold leading-6">{title}</DialogPrimitive.Title>
          {description ? (
            <DialogPrimitive.Description className="text-sm text-muted">{description}</DialogPrimitive.Description>
          ) : null}
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto px-5 pb-5">{children}</div>
        {/* Last in DOM order so opening the dialog focuses the first field, not Close. */}
        {hideClose ? null : (
          <DialogPrimitive.Close
            aria-label="Close"
            className={cn(
              "absolute top-3.5 right-3.5 inline-flex size-7 items-center justify-center rounded-md text-muted",
              "transition-colors hover:bg-surface-2 hover:text-foreground",
            )}
          >
            <X aria-hidden className="size-4" />
          </DialogPrimitive.Close>
        )}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

/** Right-aligned action row; place it last inside DialogContent. */
export function DialogFooter({ className, ...props }: ComponentPropsWithRef<"div">) {
  return <div className={cn("mt-5 flex flex-wrap items-center justify-end gap-2", className)} {...props} />;
}
