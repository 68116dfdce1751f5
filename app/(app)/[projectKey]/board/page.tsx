import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Board } from "@/components/board/board";
import { parseBoardSearch } from "@/components/board/search-params";
import { hasRole } from "@/lib/domain/roles";
import { requireProjectRole } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { getBoard } from "@/lib/server/queries/board";
import { projectEpics, teamMembers } from "@/lib/server/queries/projects";
import { listSprints } from "@/lib/server/queries/sprints";
import { currentActor } from "@/lib/server/session";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ projectKey: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).projectKey.toUpperCase()} board` };
}

export default async function BoardPage({ params, searchParams }: Props) {
  const [{ projectKey }, search, actor] = await Promise.all([params, searchParams.then(parseBoardSearch), currentActor()]);
  const access = await requireProjectRole(actor, projectKey, "VIEWER").catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const filters = { q: search.q, assigneeId: search.assigneeId, label: search.label, type: search.type, blocked: search.blocked, mine: search.mine ? actor.userId : undefined };
  const [board, members, epics, planned] = await Promise.all([getBoard(access, filters), teamMembers(access.teamId), projectEpics(access.projectId), listSprints(access, "planned")]);
  const scrum = board.project.mode === "SCRUM" ? { now: new Date().toISOString(), canManage: hasRole(access.role, "PRODUCT_OWNER"), nextSprint: planned[0] ?? null, planned: planned.map(({ id, name }) => ({ id, name })) } : undefined;
  return (
    <Board
      board={board}
      members={members.map(({ id, name }) => ({ id, name }))}
      epics={epics}
      canEdit={hasRole(access.role, "MEMBER")}
      canOverride={hasRole(access.role, "PRODUCT_OWNER")}
      scrum={scrum}
    />
  );
}
