"use client";
import { useRef } from "react";

/** Filters typed into a box apply this long after the last keystroke. */
export const TYPING_DEBOUNCE_MS = 250;

/** `run` calls `work` once calls stop for `ms`; `cancel` drops a pending call (e.g. on "Clear"). */
export function useDebounced<A extends unknown[]>(work: (...args: A) => void, ms = TYPING_DEBOUNCE_MS) {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  return {
    run: (...args: A) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => work(...args), ms);
    },
    cancel: () => clearTimeout(timer.current),
  };
}
