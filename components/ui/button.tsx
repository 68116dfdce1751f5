import type { ComponentPropsWithRef } from "react";
import { cn } from "@/lib/utils/cn";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger" | "outline";
export type ButtonSize = "sm" | "md" | "icon";

const base =
  "inline-flex shrink-0 select-none items-center justify-center gap-1.5 whitespace-nowrap rounded-md font-medium " +
  "transition-colors disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50 " +
  "[&_svg]:pointer-events-none [&_svg]:size-4 [&_svg]:shrink-0";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-accent text-accent-foreground shadow-raised hover:bg-accent-hover",
  secondary: "border border-border bg-surface text-foreground shadow-raised hover:bg-surface-2",
  outline: "border border-input bg-transparent text-foreground hover:bg-surface-2",
  ghost: "text-foreground hover:bg-surface-2 aria-expanded:bg-surface-2",
  danger: "bg-danger text-danger-foreground shadow-raised hover:bg-danger-hover",
};

const sizes: Record<ButtonSize, string> = {
  sm: "h-7 px-2.5 text-xs [&_svg]:size-3.5",
  md: "h-8 px-3 text-sm",
  icon: "size-8",
};

/** Class names for a button look-alike, e.g. a Next <Link> styled as a button. */
export function buttonVariants({
  variant = "secondary",
  size = "md",
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return cn(base, variants[variant], sizes[size], className);
}

export type ButtonProps = ComponentPropsWithRef<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner, disables the button and sets aria-busy. */
  loading?: boolean;
};

/**
 * Defaults to type="button" so a button inside a form never submits by
 * accident; pass type="submit" explicitly. Icon-only buttons need aria-label.
 */
export function Button({
  variant = "secondary",
  size = "md",
  loading = false,
  type = "button",
  disabled,
  className,
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={buttonVariants({ variant, size, className })}
      {...props}
    >
      {loading ? <Spinner size="sm" label={null} /> : null}
      {children}
    </button>
  );
}
