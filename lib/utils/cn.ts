import { clsx, type ClassValue } from "clsx";
import { extendTailwindMerge } from "tailwind-merge";

// Teach tailwind-merge our custom theme keys so `text-2xs` counts as a font
// size (not a colour) and `shadow-overlay` conflicts with `shadow-sm`.
const twMerge = extendTailwindMerge({
  extend: {
    theme: {
      text: ["2xs"],
      shadow: ["raised", "overlay"],
    },
  },
});

/** Joins class names and lets later Tailwind utilities override earlier ones. */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
