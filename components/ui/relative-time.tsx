"use client";
// A time as the app shows every time: relative ("3 h ago"), the exact time in a tooltip on hover
// or focus. It re-reads the clock every minute. Server and browser may disagree by a minute (and
// on the time zone), so the first render's text is allowed to differ.
import { useEffect, useState } from "react";
import { formatExact, formatRelative } from "@/lib/utils/time";
import { cn } from "@/lib/utils/cn";
import { Tooltip } from "./tooltip";

export function RelativeTime({ at, className }: { at: string; className?: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const date = new Date(at);
  const exact = formatExact(date);
  return (
    <Tooltip content={exact}>
      <time dateTime={at} tabIndex={0} suppressHydrationWarning className={cn("rounded-sm text-xs text-muted underline decoration-dotted decoration-muted/50 underline-offset-2", className)}>
        {formatRelative(date, now)}
      </time>
    </Tooltip>
  );
}
