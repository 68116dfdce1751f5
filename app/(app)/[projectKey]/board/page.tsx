import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Board } from "@/components/board/board";
import { parseBoardSearch } from "@/components/board/search-params";
import { hasRole } from "@/lib/domain/roles";
import { requireProjectRole } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { getBoard } from "@/lib/server/queries/board";
import { projectEpics, teamMembers } from "@/lib/server/queries/projects";
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
  const [board, members, epics] = await Promise.all([getBoard(access, filters), teamMembers(access.teamId), projectEpics(access.projectId)]);
  return (
    <Board
      board={board}
      members={members.map(({ id, name }) => ({ id, name }))}
      epics={epics}
      canEdit={hasRole(access.role, "MEMBER")}
      canOverride={hasRole(access.role, "PRODUCT_OWNER")}
    />
  );
}
