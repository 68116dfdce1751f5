import type { Metadata } from "next";
import { RenameTeamForm } from "@/components/settings/rename-team-form";
import { TeamMembers } from "@/components/settings/team-members";
import { hasRole } from "@/lib/domain/roles";
import { currentTeam } from "@/lib/server/current-team";
import { pendingInvitations, teamMembers } from "@/lib/server/queries/projects";
import { currentActor } from "@/lib/server/session";

export const metadata: Metadata = { title: "Team" };
export const dynamic = "force-dynamic";

export default async function TeamPage() {
  const actor = await currentActor();
  const { team } = await currentTeam(actor);
  if (!team) return <main className="px-8 py-8 text-sm text-muted">You are not in a team yet. Create one from the team menu.</main>;
  const isAdmin = hasRole(team.role, "ADMIN");
  const [members, invitations] = await Promise.all([teamMembers(team.id), isAdmin ? pendingInvitations(team.id) : Promise.resolve([])]);
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-6 sm:px-8 sm:py-8">
      {isAdmin ? <RenameTeamForm teamId={team.id} name={team.name} /> : <h1 className="text-2xl font-semibold tracking-tight">{team.name}</h1>}
      <p className="mt-1 text-sm text-muted">Members, their roles, and invitations. Roles: viewers read; members create and move cards; product owners also rank the backlog and run sprints; admins manage settings and people.</p>
      <TeamMembers teamId={team.id} teamName={team.name} members={members} invitations={invitations} isAdmin={isAdmin} myRole={team.role} me={actor.userId} />
    </main>
  );
}
