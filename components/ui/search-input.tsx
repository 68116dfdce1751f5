import { Search } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { Input, type InputProps } from "./input";

/** A search box: a text input with a magnifier in front; `wrapperClassName` sizes it. */
export function SearchInput({ wrapperClassName, className, ...props }: InputProps & { wrapperClassName?: string }) {
  return (
    <div className={cn("relative", wrapperClassName)}>
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted" />
      <Input type="search" {...props} className={cn("pl-8", className)} />
    </div>
  );
}
