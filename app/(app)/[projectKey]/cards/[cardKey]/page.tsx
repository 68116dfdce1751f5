import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CardDetail } from "@/components/card/card-detail";
import { CardPanels } from "@/components/card/card-panels";
import { CardSprintMenu } from "@/components/card/card-sprint-menu";
import { hasRole } from "@/lib/domain/roles";
import { requireCardRole } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { cardHistory, loadCardDto } from "@/lib/server/queries/cards";
import { cardChecklist } from "@/lib/server/queries/dod";
import { cardPipeline } from "@/lib/server/queries/pipeline";
import { projectForPage } from "@/lib/server/queries/project-page";
import { projectEpics, teamMembers } from "@/lib/server/queries/projects";
import { listSprints } from "@/lib/server/queries/sprints";

export const dynamic = "force-dynamic";

type Params = { projectKey: string; cardKey: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: (await params).cardKey.toUpperCase() };
}

export default async function CardPage({ params }: { params: Promise<Params> }) {
  const { projectKey, cardKey } = await params;
  const { actor, project } = await projectForPage(projectKey);
  const access = await requireCardRole(actor, cardKey, "VIEWER").catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  if (access.projectId !== project.id) notFound();
  const [card, history, members, epics, pipeline, checklist, sprints] = await Promise.all([
    loadCardDto(access.cardId),
    cardHistory(access.cardId),
    teamMembers(access.teamId),
    projectEpics(access.projectId),
    cardPipeline(access.cardId),
    cardChecklist(access.cardId),
    project.mode === "scrum" ? listSprints(access) : null,
  ]);
  const canEdit = hasRole(access.role, "MEMBER");
  const openSprints = sprints?.filter((sprint) => sprint.state !== "closed").map(({ id, name, state }) => ({ id, name, active: state === "active" }));
  const sprintMenu = openSprints ? <CardSprintMenu projectKey={project.key} cardKey={card.key} sprintId={card.sprintId} sprints={openSprints} canMove={canEdit} /> : undefined;
  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-6 sm:px-6">
      <CardDetail card={card} history={history} members={members} epics={epics} canEdit={canEdit} sprintMenu={sprintMenu}>
        <CardPanels projectKey={project.key} card={card} checklist={checklist} pipeline={pipeline} canTick={canEdit} />
      </CardDetail>
    </div>
  );
}
