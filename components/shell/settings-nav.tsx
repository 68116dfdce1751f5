"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";

/** Project settings sections; each feature adds its page under /{KEY}/settings/<section>. */
export const SETTINGS_SECTIONS = [
  { slug: "columns", label: "Columns & WIP" },
  { slug: "integrations", label: "Integrations" },
  { slug: "definition-of-done", label: "Definition of Done" },
  { slug: "automation", label: "Automation" },
  { slug: "import-export", label: "Import / Export" },
] as const;

export function SettingsNav({ projectKey }: { projectKey: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Project settings" className="shrink-0 md:w-48">
      <ul className="relative flex gap-0.5 overflow-x-auto md:flex-col">
        {SETTINGS_SECTIONS.map((section) => {
          const href = `/${projectKey}/settings/${section.slug}`;
          const active = pathname.startsWith(href);
          return (
            <li key={section.slug}>
              <Link href={href} aria-current={active ? "page" : undefined}
                className={cn("block rounded-md px-2 py-1.5 text-sm whitespace-nowrap", active ? "bg-surface-2 font-medium text-foreground" : "text-muted hover:bg-surface-2 hover:text-foreground")}>
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
