import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CompleteSprintDialog } from "@/components/sprint/complete-sprint-dialog";
import { SprintReport } from "@/components/sprint/sprint-report";
import { sprintPeriod, STATE_LABELS } from "@/components/sprint/sprint-format";
import { StartSprintDialog } from "@/components/sprint/start-sprint-dialog";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/domain/roles";
import { AppError } from "@/lib/server/errors";
import { projectForPage } from "@/lib/server/queries/project-page";
import { getSprint, listSprints } from "@/lib/server/queries/sprints";
import { burndown as burndownReport } from "@/lib/server/services/reports";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sprint report" };

type Params = { projectKey: string; sprintId: string };

export default async function SprintPage({ params }: { params: Promise<Params> }) {
  const { projectKey, sprintId } = await params;
  const { project } = await projectForPage(projectKey);
  const access = { projectId: project.id, projectKey: project.key, teamId: project.team.id, role: project.role };
  const [report, sprints] = await Promise.all([
    getSprint(access, sprintId).catch((error) => {
      if (error instanceof AppError && error.status === 404) notFound();
      throw error;
    }),
    listSprints(access),
  ]);
  const burndown = report.state === "planned" ? null : await burndownReport(access, report.id);
  const canManage = hasRole(project.role, "PRODUCT_OWNER");
  const active = sprints.find((sprint) => sprint.state === "active");
  const nextPlanned = sprints.find((sprint) => sprint.state === "planned");
  const actions =
    canManage && report.state === "active" ? (
      <CompleteSprintDialog projectKey={project.key} sprint={report} nextSprintName={nextPlanned?.name ?? null} />
    ) : canManage && report.state === "planned" ? (
      <StartSprintDialog projectKey={project.key} sprint={report} blockedBy={active?.name ?? null} variant="primary" />
    ) : null;
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-4 py-6 sm:px-6">
      <PageHeader
        eyebrow={<Link href={`/${project.key}/sprints`} className="hover:underline">Sprints</Link>}
        title={
          <span className="flex items-center gap-2">
            {report.name} <Badge tone={report.state === "active" ? "success" : report.state === "planned" ? "info" : "neutral"}>{STATE_LABELS[report.state]}</Badge>
          </span>
        }
        description={[sprintPeriod(report), report.goal && `Goal: ${report.goal}`].filter(Boolean).join(" · ") || undefined}
        actions={actions}
      />
      <SprintReport projectKey={project.key} report={report} burndown={burndown} />
    </div>
  );
}
