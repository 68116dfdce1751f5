"use client";

import type { ComponentPropsWithRef, ReactElement, ReactNode } from "react";
import * as TooltipPrimitive from "@radix-ui/react-tooltip";
import { hotkeyLabels } from "@/lib/hooks/use-hotkeys";
import { cn } from "@/lib/utils/cn";
import { Kbd } from "./kbd";

/** Mounted once in app/providers.tsx; shares the open delay between tooltips. */
export const TooltipProvider = TooltipPrimitive.Provider;
export const TooltipRoot = TooltipPrimitive.Root;
export const TooltipTrigger = TooltipPrimitive.Trigger;

export function TooltipContent({
  className,
  sideOffset = 6,
  children,
  ...props
}: ComponentPropsWithRef<typeof TooltipPrimitive.Content>) {
  return (
    <TooltipPrimitive.Portal>
      <TooltipPrimitive.Content
        sideOffset={sideOffset}
        className={cn(
          "z-50 flex max-w-xs items-center gap-2 rounded-md bg-foreground px-2 py-1 text-xs font-medium text-background",
          "shadow-overlay motion-safe:animate-fade-in",
          className,
        )}
        {...props}
      >
        {children}
      </TooltipPrimitive.Content>
    </TooltipPrimitive.Portal>
  );
}

export type TooltipProps = {
  content: ReactNode;
  /** One focusable element (a Button); it becomes the trigger. */
  children: ReactElement;
  /** Shortcut shown after the text, e.g. "c" or "mod+k". */
  shortcut?: string;
  side?: "top" | "right" | "bottom" | "left";
  align?: "start" | "center" | "end";
};

/**
 * `<Tooltip content="New card" shortcut="c"><Button …/></Tooltip>`.
 * A tooltip supplements a label; icon-only buttons still need aria-label.
 */
export function Tooltip({ content, children, shortcut, side = "top", align = "center" }: TooltipProps) {
  return (
    <TooltipPrimitive.Root>
      <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
      <TooltipContent side={side} align={align}>
        <span>{content}</span>
        {shortcut ? (
          <span className="flex items-center gap-0.5">
            {hotkeyLabels(shortcut).map((label, index) => (
              <Kbd key={index} className="border-background/25 bg-background/10 text-background shadow-none">
                {label}
              </Kbd>
            ))}
          </span>
        ) : null}
      </TooltipContent>
    </TooltipPrimitive.Root>
  );
}
