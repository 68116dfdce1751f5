"use client";

import type { ComponentPropsWithRef, ReactNode } from "react";
import * as Menu from "@radix-ui/react-dropdown-menu";
import { Check, Circle } from "lucide-react";
import { cn } from "@/lib/utils/cn";

export const DropdownMenu = Menu.Root;
export const DropdownMenuTrigger = Menu.Trigger;
export const DropdownMenuGroup = Menu.Group;
export const DropdownMenuRadioGroup = Menu.RadioGroup;

export const menuPanelClass =
  "z-50 min-w-44 overflow-hidden rounded-lg border border-border bg-surface p-1 text-foreground shadow-overlay " +
  "motion-safe:data-[state=open]:animate-pop-in";

const itemClass =
  "relative flex h-8 cursor-pointer select-none items-center gap-2 rounded-md px-2 text-sm outline-none " +
  "data-[highlighted]:bg-surface-2 data-[disabled]:pointer-events-none data-[disabled]:opacity-50 " +
  "[&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted";

export function DropdownMenuContent({
  className,
  sideOffset = 6,
  align = "start",
  ...props
}: ComponentPropsWithRef<typeof Menu.Content>) {
  return (
    <Menu.Portal>
      <Menu.Content sideOffset={sideOffset} align={align} className={cn(menuPanelClass, className)} {...props} />
    </Menu.Portal>
  );
}

export type DropdownMenuItemProps = ComponentPropsWithRef<typeof Menu.Item> & {
  /** Red text for destructive actions (delete, remove). */
  destructive?: boolean;
} & ({ asChild?: false; /** Right-aligned shortcut hint, e.g. "⌘K". */ shortcut?: ReactNode } | { asChild: true; shortcut?: never });

/**
 * With `asChild` the item becomes its one child (e.g. a Next <Link>): Radix's Slot needs exactly
 * one element, so nothing else, not even an empty shortcut slot, may sit beside it.
 */
export function DropdownMenuItem({ className, destructive, shortcut, children, asChild, ...props }: DropdownMenuItemProps) {
  return (
    <Menu.Item
      asChild={asChild}
      className={cn(itemClass, destructive && "text-danger [&_svg]:text-danger", className)}
      {...props}
    >
      {asChild ? (
        children
      ) : (
        <>
          {children}
          {shortcut ? <span className="ml-auto pl-4 text-xs text-muted">{shortcut}</span> : null}
        </>
      )}
    </Menu.Item>
  );
}

export function DropdownMenuCheckboxItem({
  className,
  children,
  ...props
}: ComponentPropsWithRef<typeof Menu.CheckboxItem>) {
  return (
    <Menu.CheckboxItem className={cn(itemClass, "pl-8", className)} {...props}>
      <span className="absolute left-2 flex size-4 items-center justify-center">
        <Menu.ItemIndicator>
          <Check aria-hidden className="text-foreground!" />
        </Menu.ItemIndicator>
      </span>
      {children}
    </Menu.CheckboxItem>
  );
}

export function DropdownMenuRadioItem({
  className,
  children,
  ...props
}: ComponentPropsWithRef<typeof Menu.RadioItem>) {
  return (
    <Menu.RadioItem className={cn(itemClass, "pl-8", className)} {...props}>
      <span className="absolute left-2 flex size-4 items-center justify-center">
        <Menu.ItemIndicator>
          <Circle aria-hidden className="size-2! fill-current text-accent!" />
        </Menu.ItemIndicator>
      </span>
      {children}
    </Menu.RadioItem>
  );
}

export function DropdownMenuLabel({ className, ...props }: ComponentPropsWithRef<typeof Menu.Label>) {
  return <Menu.Label className={cn("px-2 pt-1.5 pb-1 text-xs font-medium text-muted", className)} {...props} />;
}

export function DropdownMenuSeparator({ className, ...props }: ComponentPropsWithRef<typeof Menu.Separator>) {
  return <Menu.Separator className={cn("-mx-1 my-1 h-px bg-border", className)} {...props} />;
}
