"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";

export function ProjectTabs({ projectKey, scrum }: { projectKey: string; scrum: boolean }) {
  const pathname = usePathname();
  const tabs = [
    { href: `/${projectKey}/board`, label: "Board" },
    ...(scrum ? [{ href: `/${projectKey}/backlog`, label: "Backlog" }, { href: `/${projectKey}/sprints`, label: "Sprints" }] : []),
    { href: `/${projectKey}/reports`, label: "Reports" },
    { href: `/${projectKey}/settings`, label: "Settings" },
  ];
  return (
    <nav aria-label="Project" className="relative mt-3 -mb-px flex gap-1 overflow-x-auto">
      {tabs.map((tab) => {
        const active = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "shrink-0 border-b-2 px-3 py-2 text-sm font-medium transition-colors",
              active ? "border-accent text-foreground" : "border-transparent text-muted hover:text-foreground",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
