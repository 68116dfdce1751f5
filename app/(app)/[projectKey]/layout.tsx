import type { ReactNode } from "react";
import { CreateCardDialog } from "@/components/card/create-card-dialog";
import { ProjectTabs } from "@/components/shell/project-tabs";
import { hasRole } from "@/lib/domain/roles";
import { projectForPage } from "@/lib/server/queries/project-page";

export const dynamic = "force-dynamic";

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ projectKey: string }> }) {
  const { project } = await projectForPage((await params).projectKey);
  return (
    <>
      <header className="border-b border-border bg-surface px-4 pt-4 sm:px-6">
        <div className="flex items-center gap-2 text-sm text-muted">
          <span className="rounded bg-accent-subtle px-1.5 py-0.5 font-mono text-xs font-semibold text-accent">{project.key}</span>
          <span>{project.team.name}</span>
        </div>
        <div className="mt-1 flex items-center justify-between gap-4">
          <h1 className="truncate text-xl font-semibold tracking-tight">{project.name}</h1>
          {hasRole(project.role, "MEMBER") ? <CreateCardDialog projectKey={project.key} /> : null}
        </div>
        <ProjectTabs projectKey={project.key} scrum={project.mode === "scrum"} />
      </header>
      {/* The one <main> of every project page; pages render sections inside it. */}
      <main className="flex min-h-0 flex-1 flex-col">{children}</main>
    </>
  );
}
