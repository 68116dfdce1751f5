import { ListTodo } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { BacklogView } from "@/components/backlog/backlog-view";
import { EpicPanel } from "@/components/backlog/epic-panel";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { hasRole } from "@/lib/domain/roles";
import { backlogFacets, getBacklog, listEpics } from "@/lib/server/queries/backlog";
import { projectForPage } from "@/lib/server/queries/project-page";
import { listSprints } from "@/lib/server/queries/sprints";
import { backlogQuery } from "@/lib/validation/backlog";
import { cardKeySchema, parseInput } from "@/lib/validation/common";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Backlog" };

const PAGE = 200;

type Props = { params: Promise<{ projectKey: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BacklogPage({ params, searchParams }: Props) {
  const { project } = await projectForPage((await params).projectKey);
  if (project.mode !== "scrum") {
    return (
      <div className="px-4 py-8 sm:px-6">
        <EmptyState
          icon={<ListTodo />}
          title="This project runs a Kanban board"
          description="Kanban has no sprints: every open card flows on the board. Switch the board to Scrum in the project settings to plan sprints from a backlog."
          action={<Link href={`/${project.key}/board`} className={buttonVariants({ variant: "primary" })}>Open the board</Link>}
        />
      </div>
    );
  }
  const access = { projectId: project.id, projectKey: project.key, teamId: project.team.id, role: project.role };
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = parseInput(backlogQuery, raw);
  const filter = parsed.success ? parsed.data : {};
  const limit = filter.limit ?? PAGE;
  // Not the API's filters: what this page shows beyond them.
  const showAll = raw.show === "all";
  const focus = cardKeySchema.safeParse(raw.focus);
  const view = { withActive: true, notStartedOnly: !showAll, focus: focus.success ? focus.data : undefined };
  const [backlog, sprints, epics, facets] = await Promise.all([getBacklog(access, { ...filter, limit }, view), listSprints(access), listEpics(access), backlogFacets(access)]);
  const active = sprints.find((sprint) => sprint.state === "active") ?? null;
  const planned = sprints.filter((sprint) => sprint.state === "planned");
  const canManage = hasRole(access.role, "PRODUCT_OWNER");

  return (
    <div className="flex gap-6 px-4 py-4 sm:px-6">
      <aside className="hidden w-60 shrink-0 lg:block">
        <EpicPanel epics={epics} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col gap-4">
        <BacklogView
          projectKey={project.key}
          access={{ canRank: canManage, canPlan: hasRole(access.role, "MEMBER"), canManage }}
          cards={backlog.cards}
          active={active}
          planned={planned}
          hasMore={backlog.hasMore}
          total={backlog.total}
          hidden={backlog.hidden}
          showAll={showAll}
          focusKey={view.focus ?? null}
          limit={limit}
          scale={facets.estimateScale}
          filtered={Boolean(filter.q || filter.type || filter.epic || filter.label || filter.assignee)}
          suggestedSprintName={`Sprint ${sprints.length + 1}`}
          facets={{ labels: facets.labels, members: facets.members, epics }}
        />
      </div>
    </div>
  );
}
