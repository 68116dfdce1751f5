import { Timer } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CreateSprintButton } from "@/components/sprint/create-sprint-button";
import { SprintList } from "@/components/sprint/sprint-list";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/domain/roles";
import { projectForPage } from "@/lib/server/queries/project-page";
import { listSprints } from "@/lib/server/queries/sprints";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sprints" };

export default async function SprintsPage({ params }: { params: Promise<{ projectKey: string }> }) {
  const { project } = await projectForPage((await params).projectKey);
  const access = { projectId: project.id, projectKey: project.key, teamId: project.team.id, role: project.role };
  const sprints = await listSprints(access);
  const canManage = hasRole(project.role, "PRODUCT_OWNER") && project.mode === "scrum";
  const create = canManage ? <CreateSprintButton projectKey={project.key} suggestedName={`Sprint ${sprints.length + 1}`} variant="primary" /> : null;
  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-6 px-4 py-6 sm:px-6">
      <PageHeader title="Sprints" description="Every sprint with its commitment and outcome. Plan cards into sprints from the backlog." actions={create} />
      {sprints.length ? (
        <SprintList projectKey={project.key} sprints={sprints} />
      ) : (
        <EmptyState
          icon={<Timer />}
          title="No sprints yet"
          description={canManage ? "Create a sprint, then drag cards into it from the backlog and start it." : "A product owner creates sprints; cards are planned into them from the backlog."}
          action={create ?? <Link href={`/${project.key}/backlog`} className={buttonVariants()}>Open the backlog</Link>}
        />
      )}
    </div>
  );
}
