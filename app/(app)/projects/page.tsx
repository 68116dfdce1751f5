import { FolderKanban } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CreateProjectButton } from "@/components/projects/create-project-button";
import { hasRole } from "@/lib/domain/roles";
import { currentTeam } from "@/lib/server/current-team";
import { listProjects } from "@/lib/server/queries/projects";
import { currentActor } from "@/lib/server/session";

export const metadata: Metadata = { title: "Projects" };
export const dynamic = "force-dynamic";

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<{ new?: string }> }) {
  const actor = await currentActor();
  const { team } = await currentTeam(actor);
  const projects = team ? await listProjects(actor, team.id) : [];
  const canCreate = Boolean(team && hasRole(team.role, "PRODUCT_OWNER"));
  const openCreate = (await searchParams).new === "1";
  return (
    <main className="mx-auto w-full max-w-5xl px-8 py-8">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Projects</h1>
          <p className="mt-1 text-sm text-muted">{team ? `Everything ${team.name} is shipping.` : "You are not in a team yet."}</p>
        </div>
        {canCreate && team ? <CreateProjectButton teamId={team.id} defaultOpen={openCreate} /> : null}
      </div>
      {projects.length === 0 ? (
        <div className="mt-10 flex flex-col items-center rounded-xl border border-dashed border-border bg-surface px-6 py-14 text-center">
          <FolderKanban aria-hidden className="size-10 text-muted" />
          <h2 className="mt-3 text-base font-semibold">No projects yet</h2>
          <p className="mt-1 max-w-sm text-sm text-muted">
            {canCreate ? "Create a project to get a board with To do, In progress, Review and Done columns." : "Ask a product owner or admin of your team to create one."}
          </p>
        </div>
      ) : (
        <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {projects.map((project) => (
            <li key={project.key}>
              <Link href={`/${project.key}/board`} className="block rounded-xl border border-border bg-surface p-5 shadow-raised transition hover:border-accent">
                <div className="flex items-center gap-2">
                  <span className="rounded bg-accent-subtle px-1.5 py-0.5 font-mono text-xs font-semibold text-accent">{project.key}</span>
                  <span className="text-xs text-muted capitalize">{project.mode}</span>
                </div>
                <h2 className="mt-3 truncate text-base font-semibold">{project.name}</h2>
                <p className="mt-1 text-sm text-muted">{project.cardCount} cards</p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
