import { cn } from "@/lib/utils/cn";

// Fills chosen for >= 5:1 contrast with white initials in both themes.
const palette = [
  "bg-[#4f46e5]",
  "bg-[#7c3aed]",
  "bg-[#be185d]",
  "bg-[#c2410c]",
  "bg-[#b45309]",
  "bg-[#15803d]",
  "bg-[#0f766e]",
  "bg-[#0e7490]",
  "bg-[#0369a1]",
  "bg-[#475569]",
] as const;

const sizes = {
  xs: "size-5 text-[0.5625rem]",
  sm: "size-6 text-2xs",
  md: "size-8 text-xs",
  lg: "size-10 text-sm",
} as const;

/** "Ada Lovelace" → "AL", "grace@navy.mil" → "GR", "" → "?". */
export function initials(name: string): string {
  const base = name.includes("@") ? (name.split("@")[0] ?? "") : name;
  const words = base.split(/[\s._-]+/).filter(Boolean);
  const first = words[0] ?? "";
  const last = words.length > 1 ? (words.at(-1) ?? "") : "";
  const letters = last ? `${first.charAt(0)}${last.charAt(0)}` : first.slice(0, 2);
  return letters.toUpperCase() || "?";
}

/** Stable palette index for a string (FNV-1a), so a person keeps their colour. */
function colourIndex(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % palette.length;
}

export type AvatarProps = {
  /** Display name or email; drives initials, colour and the accessible name. */
  name: string;
  /** Optional image URL (e.g. from the OAuth profile). */
  src?: string | null;
  size?: keyof typeof sizes;
  /** Seed for the colour when names can collide (e.g. the user id). */
  colorKey?: string;
  /** Set when a visible name sits next to the avatar, to avoid reading it twice. */
  decorative?: boolean;
  className?: string;
};

export function Avatar({ name, src, size = "md", colorKey, decorative = false, className }: AvatarProps) {
  const label = name.trim() || "Unknown user";
  const a11y = decorative ? { "aria-hidden": true } : { role: "img", "aria-label": label, title: label };
  return (
    <span
      {...a11y}
      className={cn(
        "relative inline-flex shrink-0 select-none items-center justify-center overflow-hidden rounded-full",
        "font-semibold leading-none text-white ring-2 ring-surface",
        palette[colourIndex(colorKey ?? name)],
        sizes[size],
        className,
      )}
    >
      <span aria-hidden>{initials(name)}</span>
      {src ? (
        // eslint-disable-next-line @next/next/no-img-element -- avatars come from arbitrary OAuth hosts
        <img src={src} alt="" referrerPolicy="no-referrer" className="absolute inset-0 size-full object-cover" />
      ) : null}
    </span>
  );
}
