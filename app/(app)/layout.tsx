import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { currentTeam } from "@/lib/server/current-team";
import { db } from "@/lib/server/db";
import { listProjects } from "@/lib/server/queries/projects";
import { currentActor } from "@/lib/server/session";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  // Every team's projects: the shell shows the team of the project in the URL, which a layout cannot read.
  const [{ teams, team }, user, projects] = await Promise.all([
    currentTeam(actor),
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true } }),
    listProjects(actor),
  ]);
  return (
    <AppShell user={user} teams={teams} cookieTeamId={team?.id ?? null} projects={projects.map(({ key, name, team }) => ({ key, name, teamId: team.id }))}>
      {children}
    </AppShell>
  );
}
