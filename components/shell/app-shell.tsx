"use client";
// The workspace frame: the sidebar beside the page from 768 px up; below that a top bar whose
// menu button opens the same sidebar as a sheet. The sidebar shows the team of the project in
// the URL (the team cookie only when the page names no project) and makes it the current team.
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { useHotkeys } from "@/lib/hooks/use-hotkeys";
import { switchTeamAction } from "@/lib/actions/workspace";
import { Sidebar } from "./sidebar";
import type { TeamOption } from "./team-switcher";

type AppShellProps = {
  user: { name: string; email: string };
  teams: TeamOption[];
  /** The team the cookie names, or the first team. */
  cookieTeamId: string | null;
  /** Projects of every team the user is in. */
  projects: Array<{ key: string; name: string; teamId: string }>;
  children: ReactNode;
};

export function AppShell({ user, teams, cookieTeamId, projects, children }: AppShellProps) {
  const pathname = usePathname();
  const router = useRouter();
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuPath, setMenuPath] = useState(pathname);
  // Following a link inside the sheet closes it.
  if (menuPath !== pathname) {
    setMenuPath(pathname);
    setMenuOpen(false);
  }

  const currentKey = pathname.split("/")[1]?.toUpperCase() ?? "";
  const urlProject = projects.find((project) => project.key === currentKey);
  const teamId = urlProject?.teamId ?? cookieTeamId;
  const team = teams.find((option) => option.id === teamId) ?? teams[0] ?? null;
  const teamProjects = projects.filter((project) => project.teamId === team?.id).map(({ key, name }) => ({ key, name }));

  // "All projects" and team settings follow the team of the last project opened.
  const switchTo = urlProject && urlProject.teamId !== cookieTeamId ? urlProject.teamId : null;
  useEffect(() => {
    if (switchTo) void switchTeamAction(switchTo);
  }, [switchTo]);

  useHotkeys({
    "g p": () => router.push("/projects"),
    "g b": () => urlProject && router.push(`/${urlProject.key}/board`),
    "g l": () => urlProject && router.push(`/${urlProject.key}/backlog`),
  });

  const sidebar = { user, teams, team, projects: teamProjects, currentKey: urlProject?.key ?? null };
  return (
    <div className="flex min-h-dvh bg-background text-foreground">
      <Sidebar {...sidebar} className="sticky top-0 hidden h-dvh w-60 border-r md:flex" />
      <div className="flex min-w-0 flex-1 flex-col">
        {/* Not a <header>: the page's own header is the one banner. */}
        <div className="sticky top-0 z-30 flex h-12 items-center gap-2 border-b border-border bg-surface px-2 md:hidden">
          <DialogPrimitive.Root open={menuOpen} onOpenChange={setMenuOpen}>
            <DialogPrimitive.Trigger className="inline-flex size-9 items-center justify-center rounded-md text-foreground hover:bg-surface-2" aria-label="Open menu">
              <Menu aria-hidden className="size-5" />
            </DialogPrimitive.Trigger>
            <DialogPrimitive.Portal>
              <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-overlay motion-safe:data-[state=open]:animate-fade-in" />
              <DialogPrimitive.Content aria-describedby={undefined} className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] shadow-overlay focus-visible:outline-none">
                <DialogPrimitive.Title className="sr-only">Menu</DialogPrimitive.Title>
                <Sidebar {...sidebar} className="h-full w-full" />
                <DialogPrimitive.Close className="absolute top-3 -right-11 inline-flex size-9 items-center justify-center rounded-md bg-surface text-foreground shadow-overlay" aria-label="Close menu">
                  <X aria-hidden className="size-5" />
                </DialogPrimitive.Close>
              </DialogPrimitive.Content>
            </DialogPrimitive.Portal>
          </DialogPrimitive.Root>
          <span className="truncate text-sm font-semibold">{team?.name ?? "Shipboard"}</span>
        </div>
        {children}
      </div>
    </div>
  );
}
