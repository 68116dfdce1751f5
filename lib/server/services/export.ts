import "server-only";
import { SHIPBOARD_FORMAT, SHIPBOARD_VERSION, type ShipboardCard } from "@/lib/domain/import/shipboard";
import { flowCsvHeader, flowCsvRow } from "@/lib/domain/import/flow-csv";
import type { ProjectAccess } from "../authz";
import { db } from "../db";

/** Cards read per query while streaming: memory stays flat however large the project. */
const PAGE = 2000;
const iso = (date: Date | null) => date?.toISOString() ?? null;

async function* cardPages(projectId: string) {
  let cursor: string | undefined;
  for (;;) {
    const cards = await db.card.findMany({
      where: { projectId },
      orderBy: { rank: "asc" },
      take: PAGE,
      ...(cursor && { cursor: { id: cursor }, skip: 1 }),
      include: {
        assignee: { select: { name: true } },
        checklist: { orderBy: [{ list: "asc" }, { position: "asc" }], select: { list: true, kind: true, text: true, done: true } },
        comments: { orderBy: { at: "asc" }, select: { authorName: true, at: true, body: true } },
        events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { type: true, at: true, fromColumnId: true, toColumnId: true, data: true, actorId: true } },
        pullRequests: { select: { pullRequestId: true } },
        runs: { select: { runId: true } },
        deployments: { select: { deploymentId: true } },
        commits: { orderBy: { sha: "asc" }, select: { sha: true, at: true } },
      },
    });
    if (!cards.length) return;
    yield cards;
    if (cards.length < PAGE) return;
    cursor = cards.at(-1)!.id;
  }
}

/**
 * The project's CI/CD records in a stable order (integration, then its own key), so an export of
 * an imported copy lists them in the same places.
 */
async function pipelineOf(projectId: string) {
  const [integrations, pullRequests, runs, deployments] = await Promise.all([
    db.integration.findMany({ where: { projectId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, provider: true, name: true, repository: true, stageRules: true } }),
    db.pullRequest.findMany({ where: { projectId }, omit: { projectId: true } }),
    db.pipelineRun.findMany({ where: { projectId }, omit: { projectId: true }, include: { jobs: { orderBy: { externalId: "asc" }, omit: { id: true, runId: true } } } }),
    db.deployment.findMany({ where: { projectId }, omit: { projectId: true } }),
  ]);
  const place = new Map(integrations.map((integration, index) => [integration.id, index]));
  const byIntegration = <T extends { integrationId: string }>(key: (row: T) => string | number) => (a: T, b: T) =>
    place.get(a.integrationId)! - place.get(b.integrationId)! || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  type Dated<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
  const dates = <T extends object>(row: T) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value])) as Dated<T>;
  return {
    integrations,
    pipeline: {
      pullRequests: pullRequests.sort(byIntegration((pr) => pr.number)).map(dates),
      runs: runs.sort(byIntegration((run) => `${run.externalId}`)).map(({ jobs, ...run }) => ({ ...dates(run), jobs: jobs.map(dates) })),
      deployments: deployments.sort(byIntegration((deployment) => `${deployment.at.toISOString()} ${deployment.externalId}`)).map(dates),
    },
  };
}

async function columnsOf(projectId: string) {
  return db.column.findMany({ where: { projectId }, orderBy: { rank: "asc" }, select: { id: true, name: true, category: true, wipLimit: true, policy: true } });
}

/**
 * The whole project as Shipboard JSON (see lib/domain/import/shipboard.ts), streamed: the head,
 * then the cards a page at a time, so a 20,000-card project never sits in memory at once.
 */
export async function* exportProjectJson(access: ProjectAccess): AsyncGenerator<string> {
  const [project, columns, sprints, members, pipeline] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: access.projectId }, select: { name: true, description: true, mode: true, wipMode: true } }),
    columnsOf(access.projectId),
    db.sprint.findMany({ where: { projectId: access.projectId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.membership.findMany({ where: { teamId: access.teamId }, select: { user: { select: { id: true, name: true } } } }),
    pipelineOf(access.projectId),
  ]);
  // A card lists its pipeline records in the order the file lists them.
  const order = new Map([...pipeline.pipeline.pullRequests, ...pipeline.pipeline.runs, ...pipeline.pipeline.deployments].map((record, index) => [record.id, index]));
  const inOrder = (ids: string[]) => ids.sort((a, b) => order.get(a)! - order.get(b)!);
  const names = new Map(members.map((member) => [member.user.id, member.user.name]));
  const head = {
    format: SHIPBOARD_FORMAT,
    version: SHIPBOARD_VERSION,
    project,
    columns,
    sprints: sprints.map((sprint) => ({
      id: sprint.id,
      name: sprint.name,
      goal: sprint.goal,
      state: sprint.state,
      startDate: iso(sprint.startDate),
      endDate: iso(sprint.endDate),
      completedAt: iso(sprint.completedAt),
      capacity: sprint.capacity,
      startedAt: iso(sprint.startedAt),
      committedPoints: sprint.committedPoints,
      committedCards: sprint.committedCards,
      completedPoints: sprint.completedPoints,
      completedCards: sprint.completedCards,
    })),
    ...pipeline,
  };
  yield `${JSON.stringify(head).slice(0, -1)},"cards":[`;
  const positions = new Map<string, Array<{ id: string; boardRank: string }>>();
  let first = true;
  for await (const page of cardPages(access.projectId)) {
    for (const card of page) {
      const inColumn = positions.get(card.columnId) ?? positions.set(card.columnId, []).get(card.columnId)!;
      inColumn.push({ id: card.id, boardRank: card.boardRank });
    }
    const chunk = page.map((card) => {
      const exported: ShipboardCard = {
        id: card.id,
        key: card.key,
        title: card.title,
        description: card.description,
        type: card.type,
        priority: card.priority,
        labels: card.labels,
        estimate: card.estimate,
        assignee: card.assignee?.name ?? null,
        columnId: card.columnId,
        sprintId: card.sprintId,
        epicId: card.epicId,
        blockedReason: card.blockedReason,
        createdAt: card.createdAt.toISOString(),
        columnEnteredAt: card.columnEnteredAt.toISOString(),
        completedAt: iso(card.completedAt),
        checklist: card.checklist,
        comments: card.comments.map((comment) => ({ author: comment.authorName, at: comment.at.toISOString(), body: comment.body })),
        events: card.events.map((event) => {
          const { actor, source: _source, ...data } = (event.data ?? {}) as Record<string, unknown>;
          return {
            type: event.type,
            at: event.at.toISOString(),
            fromColumnId: event.fromColumnId,
            toColumnId: event.toColumnId,
            actor: (event.actorId && names.get(event.actorId)) || (typeof actor === "string" ? actor : null),
            data: Object.keys(data).length ? data : null,
          };
        }),
        pipeline: {
          pullRequests: inOrder(card.pullRequests.map((link) => link.pullRequestId)),
          runs: inOrder(card.runs.map((link) => link.runId)),
          deployments: inOrder(card.deployments.map((link) => link.deploymentId)),
          commits: card.commits.map((commit) => ({ sha: commit.sha, at: commit.at.toISOString() })),
        },
      };
      return JSON.stringify(exported);
    });
    yield `${first ? "" : ","}${chunk.join(",")}`;
    first = false;
  }
  // Board positions need every card of a column; they close the file as a map from card id.
  const boardPositions: Record<string, number> = {};
  for (const cards of positions.values()) cards.sort((a, b) => (a.boardRank < b.boardRank ? -1 : 1)).forEach((card, index) => (boardPositions[card.id] = index));
  yield `],"boardPositions":${JSON.stringify(boardPositions)}}`;
}

/**
 * Cards as CSV for flow-analytics tools: one column per workflow stage holding the date the card
 * last entered it, formula-like cells escaped (see lib/domain/import/flow-csv.ts).
 */
export async function* exportProjectCsv(access: ProjectAccess): AsyncGenerator<string> {
  const columns = await columnsOf(access.projectId);
  yield flowCsvHeader(columns.map((column) => column.name));
  for await (const page of cardPages(access.projectId)) {
    yield page.map((card) => flowCsvRow(card, columns)).join("");
  }
}
