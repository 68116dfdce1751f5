import type { ReactNode } from "react";
import { Sidebar } from "@/components/shell/sidebar";
import { currentTeam } from "@/lib/server/current-team";
import { db } from "@/lib/server/db";
import { listProjects } from "@/lib/server/queries/projects";
import { currentActor } from "@/lib/server/session";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  const [{ teams, team }, user] = await Promise.all([
    currentTeam(actor),
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true } }),
  ]);
  const projects = team ? await listProjects(actor, team.id) : [];
  return (
    <div className="flex min-h-dvh bg-background text-foreground">
      <Sidebar user={user} teams={teams} team={team} projects={projects.map(({ key, name }) => ({ key, name }))} />
      <div className="flex min-w-0 flex-1 flex-col">{children}</div>
    </div>
  );
}
