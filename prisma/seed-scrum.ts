// The demo Scrum project (PAY): prisma/seed-scrum-story.ts played through the real services in
// story order (definitions, refinement, planning, moves, signed GitHub deliveries, sprint starts
// and closes), each step then dated back to its day (demo-clock), so reports, ages, histories,
// pipeline state and the delivery log are what the product itself would have recorded.
import type { TeamRole } from "@/lib/domain/roles";
import { readyRule } from "@/lib/domain/ready";
import type { CardAccess, ProjectAccess } from "@/lib/server/authz";
import { currentDatabase } from "@/lib/server/database";
import { planCards, estimateCard } from "@/lib/server/services/backlog";
import { moveCard } from "@/lib/server/services/board";
import { saveDefinition, tickItem } from "@/lib/server/services/dod";
import { createIntegration } from "@/lib/server/services/integrations";
import { completeSprint, createSprint, startSprint } from "@/lib/server/services/sprints";
import { ciRunDeliveries, deliverSigned, deploymentDelivery, pullRequestDelivery, sha, type Delivery } from "./demo-deliveries";
import { demoCalendar, happenedAt } from "./demo-clock";
import { makeCard, makeProject } from "./factories";
import { CARDS, DEFINITION, NEXT_SPRINT, PROJECT_STARTED_DAYS_AGO, SCRUM_PROJECT, SPRINTS, type CardWork, type Person } from "./seed-scrum-story";

type People = Record<Person, { id: string; role: TeamRole }>;
type Step = { at: Date; order: number; run: () => Promise<unknown> };

const REPOSITORY = { id: 4242002, full_name: SCRUM_PROJECT.repository, html_url: `https://github.com/${SCRUM_PROJECT.repository}` };
/** Sprint dates are calendar days, stored at UTC midnight (components/sprint/sprint-format.ts). */
const SPRINT_DAYS = 14;

/** Seeds project PAY in the given team; `now` fixes every date, so the same `now` gives the same story. */
export async function seedScrumDemo(teamId: string, people: People, now: Date): Promise<void> {
  const prisma = currentDatabase().prisma;
  const day = demoCalendar(now);
  const access: ProjectAccess = await happenedAt(day(PROJECT_STARTED_DAYS_AGO, 8), async () => ({
    ...(await makeProject({ userId: people.po.id, via: "session" }, { teamId, key: SCRUM_PROJECT.key, name: SCRUM_PROJECT.name, mode: "scrum" })),
    role: "PRODUCT_OWNER" as const,
  }));
  await happenedAt(day(PROJECT_STARTED_DAYS_AGO, 8.5), () => saveDefinition(access, DEFINITION));
  const integration = await happenedAt(day(PROJECT_STARTED_DAYS_AGO - 1, 10), () =>
    createIntegration({ ...access, role: "ADMIN" }, { provider: "github", name: `GitHub ${SCRUM_PROJECT.repository}`, repository: SCRUM_PROJECT.repository }, "http://localhost:3000"),
  );
  const columns = await prisma.column.findMany({ where: { projectId: access.projectId }, orderBy: { rank: "asc" }, select: { id: true } });
  const [todo, inProgress, review, done] = columns.map((column) => column.id) as [string, string, string, string];

  const cards = new Map<string, { id: string; key: string; assignee: Person | undefined }>();
  const sprintIds = new Map<string, string>();
  const steps: Step[] = [];
  const at = (daysAgo: number, hour: number, run: () => Promise<unknown>) => steps.push({ at: day(daysAgo, hour), order: steps.length, run });

  const cardOf = (ref: string) => cards.get(ref)!;
  const cardAccess = (ref: string, person: Person): CardAccess => ({ ...access, role: people[person].role, cardId: cardOf(ref).id, cardKey: cardOf(ref).key });
  const versionOf = async (ref: string) => (await prisma.card.findUniqueOrThrow({ where: { id: cardOf(ref).id }, select: { version: true } })).version;
  const tickAll = async (ref: string, list: "DOD" | "DOR", person: Person, texts?: string[]) => {
    const items = await prisma.checklistItem.findMany({ where: { cardId: cardOf(ref).id, list, kind: "manual", done: false, ...(texts && { text: { in: texts } }) }, orderBy: { position: "asc" } });
    // An estimation Ready item is met by the estimate and cannot be ticked (lib/domain/ready).
    for (const item of items.filter((entry) => list === "DOD" || readyRule(entry.text) === "manual")) await tickItem(cardAccess(ref, person), people[person].id, item.id, true);
  };
  const moveTo = async (ref: string, columnId: string) => {
    const card = cardOf(ref);
    const current = await prisma.card.findUniqueOrThrow({ where: { id: card.id }, select: { columnId: true } });
    if (current.columnId !== columnId) await moveCard(cardAccess(ref, card.assignee ?? "dev"), people[card.assignee ?? "dev"].id, { toColumnId: columnId });
  };
  const plan = (refs: string[], sprint: string, override?: string) =>
    planCards(access, people.po.id, { sprintId: sprintIds.get(sprint)!, cardKeys: refs.map((ref) => cardOf(ref).key), ...(override && { override: { reason: override } }) });

  // Cards are written in refinement sessions; everything planned gets its Ready items ticked.
  const planned = new Set([...SPRINTS.flatMap((s) => s.committed), ...NEXT_SPRINT.cards]);
  CARDS.forEach((card, index) => {
    const { ref, assignee, epic, createdDaysAgo = PROJECT_STARTED_DAYS_AGO, ready = planned.has(ref) ? "all" : "none", ...fields } = card;
    at(createdDaysAgo, 9 + index / 60, async () => {
      const author = index % 3 === 0 ? "admin" : "po";
      const description = `${fields.title}.\n\n**Acceptance**\n- covered by an automated test\n- documented in the API reference`;
      const created = await makeCard(access, people[author].id, { ...fields, description, assigneeId: assignee ? people[assignee].id : null, epicKey: epic ? cardOf(epic).key : null, columnId: todo });
      const { id } = await prisma.card.findUniqueOrThrow({ where: { key: created.key }, select: { id: true } });
      cards.set(ref, { id, key: created.key, assignee });
    });
    if (ready !== "none") at(createdDaysAgo, 14, () => tickAll(ref, "DOR", "po", ready === "some" ? [DEFINITION.ready!.items[0]!.text] : undefined));
  });

  // CI/CD: one branch per card; each push runs CI, a pull request, then staging and production.
  let runs = 0;
  let deployments = 0;
  const pushes = new Map<string, number>();
  const send = (deliveries: Delivery[]) => deliverSigned(integration, deliveries);
  const branchOf = (ref: string) => `feature/${cardOf(ref).key}-${ref}`;
  const headOf = (ref: string) => sha(`${cardOf(ref).key}-${pushes.get(ref) ?? 0}`);
  const push = (ref: string, conclusion: "success" | "failure" | null, startedAt: Date, failingJob?: "test" | "lint") => {
    pushes.set(ref, (pushes.get(ref) ?? 0) + 1);
    const title = `${cardOf(ref).key}: ${CARDS.find((c) => c.ref === ref)!.title}`;
    return send(ciRunDeliveries({ repository: REPOSITORY, runId: 5_100_000 + ++runs, branch: branchOf(ref), commit: headOf(ref), title, startedAt, conclusion, failingJob }));
  };
  const pullRequest = (ref: string, merged: boolean, when: Date) =>
    send([pullRequestDelivery({ repository: REPOSITORY, number: 100 + Number(cardOf(ref).key.split("-")[1]), title: `${cardOf(ref).key}: ${CARDS.find((c) => c.ref === ref)!.title}`, branch: branchOf(ref), commit: headOf(ref), merged, at: when })]);
  const deploy = (refs: string[], environment: "staging" | "production", when: Date) =>
    send(refs.map((ref) => deploymentDelivery({ repository: REPOSITORY, deploymentId: 6_100_000 + ++deployments, environment, branch: branchOf(ref), commit: headOf(ref), at: when })));

  const playWork = (work: CardWork) => {
    const { ref } = work;
    at(work.started, 10, () => moveTo(ref, inProgress));
    if (work.failedFirst || work.failing) at(work.started, 15, () => push(ref, "failure", day(work.started, 15), work.failedFirst ?? work.failing));
    if (work.runningHoursAgo !== undefined) {
      const when = new Date(now.getTime() - work.runningHoursAgo * 3_600_000);
      steps.push({ at: when, order: steps.length, run: () => push(ref, null, when) });
    }
    if (work.review !== undefined) {
      at(work.review, 9, () => push(ref, "success", day(work.review!, 9)));
      at(work.review, 11, () => pullRequest(ref, false, day(work.review!, 11)));
      at(work.review, 11.5, () => moveTo(ref, review));
    }
    if (work.done !== undefined) {
      at(work.done, 10, () => tickAll(ref, "DOD", cardOf(ref).assignee === "dev" ? "admin" : "dev", [DEFINITION.items[0]!.text]));
      at(work.done, 13, () => pullRequest(ref, true, day(work.done!, 13)));
      at(work.done, 14, () => deploy([ref], "staging", day(work.done!, 14)));
      at(work.done, 15, () => tickAll(ref, "DOD", "po"));
      at(work.done, 15.5, () => moveTo(ref, done));
    }
  };

  SPRINTS.forEach((story, index) => {
    const previous = SPRINTS[index - 1];
    at(story.startDaysAgo + 2, 10, async () => {
      const sprint = await createSprint(access, { name: story.name, goal: story.goal, capacity: story.capacity, startDate: day(story.startDaysAgo, 0), endDate: day(story.startDaysAgo - SPRINT_DAYS, 0) });
      sprintIds.set(story.name, sprint.id);
    });
    // Cards still in the closing sprint join through its rollover, not through planning.
    at(story.startDaysAgo, 14, async () => {
      const free = await prisma.card.findMany({ where: { id: { in: story.committed.map((ref) => cardOf(ref).id) }, sprintId: null }, select: { key: true } });
      const refs = story.committed.filter((ref) => free.some((card) => card.key === cardOf(ref).key));
      if (refs.length) await plan(refs, story.name);
    });
    if (previous) {
      const shipped = previous.work.filter((work) => work.done !== undefined).map((work) => work.ref);
      at(story.startDaysAgo, 11, () => deploy(shipped, "production", day(story.startDaysAgo, 11)));
      at(story.startDaysAgo, 15, () => completeSprint(access, people.po.id, sprintIds.get(previous.name)!, { incomplete: "next" }));
    }
    at(story.startDaysAgo, 16, () => startSprint(access, people.po.id, sprintIds.get(story.name)!));
    story.work.forEach(playWork);
    for (const added of story.added ?? []) at(added.daysAgo, 9.5, () => plan([added.ref], story.name, added.overrideReason));
    for (const removed of story.removed ?? []) at(removed.daysAgo, 12, () => planCards(access, people.po.id, { sprintId: null, cardKeys: [cardOf(removed.ref).key] }));
    for (const change of story.estimateChanges ?? []) {
      at(change.daysAgo, 10, async () => estimateCard(cardAccess(change.ref, "po"), people.po.id, { estimate: change.estimate, version: await versionOf(change.ref) }));
    }
  });
  at(NEXT_SPRINT.createdDaysAgo, 10, async () => {
    const sprint = await createSprint(access, { name: NEXT_SPRINT.name, goal: NEXT_SPRINT.goal, capacity: NEXT_SPRINT.capacity });
    sprintIds.set(NEXT_SPRINT.name, sprint.id);
  });
  at(NEXT_SPRINT.createdDaysAgo, 11, () => plan(NEXT_SPRINT.cards, NEXT_SPRINT.name));

  steps.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
  for (const step of steps) await happenedAt(step.at, step.run);
}
