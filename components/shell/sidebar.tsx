"use client";
import { FolderKanban, KeyRound, Plus, Users } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { hasRole } from "@/lib/domain/roles";
import { cn } from "@/lib/utils/cn";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { Avatar } from "@/components/ui/avatar";
import { AccountMenu } from "./account-menu";
import { TeamSwitcher, type TeamOption } from "./team-switcher";

type SidebarProps = {
  user: { name: string; email: string };
  teams: TeamOption[];
  team: TeamOption | null;
  projects: Array<{ key: string; name: string }>;
  /** The project the page shows, if any. */
  currentKey: string | null;
  /** Placement: beside the page, or filling the phone menu. */
  className?: string;
};

const navLink = "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-muted hover:bg-surface-2 hover:text-foreground";
const activeLink = "bg-surface-2 font-medium text-foreground";

export function Sidebar({ user, teams, team, projects, currentKey, className }: SidebarProps) {
  const pathname = usePathname();
  return (
    <aside className={cn("flex shrink-0 flex-col border-border bg-surface", className)} aria-label="Workspace">
      <div className="border-b border-border p-3">
        <TeamSwitcher teams={teams} team={team} />
      </div>
      <nav className="flex-1 overflow-y-auto p-3" aria-label="Projects">
        <Link href="/projects" className={cn(navLink, pathname === "/projects" && activeLink)}>
          <FolderKanban aria-hidden className="size-4" /> All projects
        </Link>
        <div className="mt-4 mb-1 flex items-center justify-between px-2 text-xs font-semibold tracking-wide text-muted uppercase">
          Projects
          {team && hasRole(team.role, "PRODUCT_OWNER") ? (
            <Link href="/projects?new=1" className="rounded p-0.5 hover:bg-surface-2 hover:text-foreground" aria-label="New project">
              <Plus aria-hidden className="size-3.5" />
            </Link>
          ) : null}
        </div>
        {projects.length === 0 ? <p className="px-2 py-1 text-xs text-muted">No projects yet.</p> : null}
        <ul className="flex flex-col gap-0.5">
          {projects.map((project) => (
            <li key={project.key}>
              <Link href={`/${project.key}/board`} className={cn(navLink, currentKey === project.key && activeLink)}>
                <span className="rounded bg-accent-subtle px-1 font-mono text-[10px] font-semibold text-accent">{project.key}</span>
                <span className="truncate">{project.name}</span>
              </Link>
            </li>
          ))}
        </ul>
        <div className="mt-4 mb-1 px-2 text-xs font-semibold tracking-wide text-muted uppercase">Settings</div>
        <Link href="/settings/team" className={cn(navLink, pathname === "/settings/team" && activeLink)}>
          <Users aria-hidden className="size-4" /> Team &amp; invitations
        </Link>
        <Link href="/settings/tokens" className={cn(navLink, pathname === "/settings/tokens" && activeLink)}>
          <KeyRound aria-hidden className="size-4" /> API tokens
        </Link>
      </nav>
      <div className="flex items-center gap-2 border-t border-border p-3">
        <Avatar name={user.name} size="sm" />
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium">{user.name}</p>
          <p className="truncate text-xs text-muted">{user.email}</p>
        </div>
        <ThemeToggle />
        <AccountMenu />
      </div>
    </aside>
  );
}
