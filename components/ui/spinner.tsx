import { LoaderCircle } from "lucide-react";
import { cn } from "@/lib/utils/cn";

const sizes = { sm: "size-3.5", md: "size-4", lg: "size-6" } as const;

export type SpinnerProps = {
  size?: keyof typeof sizes;
  /** Announced to screen readers; pass null when a parent already says it is busy. */
  label?: string | null;
  className?: string;
};

export function Spinner({ size = "md", label = "Loading", className }: SpinnerProps) {
  const icon = (
    <LoaderCircle
      aria-hidden
      className={cn("animate-spin text-current motion-reduce:animate-[spin_1.5s_linear_infinite]", sizes[size], className)}
    />
  );
  if (label === null) return icon;
  return (
    <span role="status" className="inline-flex items-center">
      {icon}
      <span className="sr-only">{label}</span>
    </span>
  );
}
