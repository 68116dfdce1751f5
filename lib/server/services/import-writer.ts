import "server-only";
import { randomUUID } from "node:crypto";
import { definitionFromChecklist, type ImportedCard, type ImportedProject } from "@/lib/domain/import";
import { matchPerson, planColumns, type ImportMapping } from "@/lib/domain/import/mapping";
import { rankBetween, ranksBetween } from "@/lib/domain/ranking";
import type { Tx } from "../db";
import { validationFailed } from "../errors";
import { publishBoardEvent } from "../realtime";
import { writePipeline } from "./import-pipeline";
import { insertIgnoringConflicts } from "./pipeline/sql";

export type ImportTarget = { projectId: string; projectKey: string; teamId: string };
export interface ImportSummary {
  columnsCreated: number;
  cardsCreated: number;
  cardsUpdated: number;
  sprints: number;
  events: number;
  comments: number;
  checklistItems: number;
  warnings: Array<{ code: string; message: string }>;
}

const BATCH = 1000;
const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));

/**
 * Writes a parsed import into a project inside the caller's transaction, so a failure leaves
 * nothing behind. Every column, sprint and card remembers `<source>:<source id>`: importing the
 * same file again updates those rows (and replaces their imported history, comments and
 * checklist items) instead of adding copies. Imported events keep their dates and author names.
 * WIP limits are not applied: the import records where work already is.
 */
export async function writeImport(
  tx: Tx,
  target: ImportTarget,
  project: ImportedProject,
  mapping: ImportMapping,
  actorId: string | null,
  now: Date,
  onProgress: (fraction: number) => void = () => {},
): Promise<ImportSummary> {
  const prefix = `${project.source}:`;
  const sourceId = (id: string) => `${prefix}${id}`;
  const warnings = [...project.warnings];
  await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${target.projectId} FOR UPDATE`;

  // Columns.
  const existingColumns = await tx.column.findMany({ where: { projectId: target.projectId }, orderBy: { rank: "asc" }, select: { id: true, name: true, sourceId: true, rank: true, category: true } });
  const { plan, unknownTargets } = planColumns(project.columns, existingColumns, prefix, mapping);
  if (unknownTargets.length) throw validationFailed(unknownTargets.map((id) => ({ path: `mapping.columns`, message: `Column ${id} is not a column of this project.` })));
  const columnOf = new Map<string, { id: string; category: string }>();
  let lastColumnRank = existingColumns.at(-1)?.rank ?? null;
  let columnsCreated = 0;
  for (const entry of plan) {
    // A Shipboard export restores its columns' limits and policies.
    const own = project.columns.find((column) => column.sourceId === entry.sourceId)!;
    const settings = own.wipLimit !== undefined ? { wipLimit: own.wipLimit, policy: own.policy ?? "" } : {};
    if (entry.columnId !== null) {
      columnOf.set(entry.sourceId, { id: entry.columnId, category: existingColumns.find((column) => column.id === entry.columnId)!.category });
      if (own.wipLimit !== undefined) await tx.column.update({ where: { id: entry.columnId }, data: settings });
      continue;
    }
    lastColumnRank = rankBetween(lastColumnRank, null);
    const created = await tx.column.create({
      data: { projectId: target.projectId, name: entry.name, category: entry.category, rank: lastColumnRank, sourceId: sourceId(entry.sourceId), ...settings },
      select: { id: true, category: true },
    });
    columnOf.set(entry.sourceId, created);
    columnsCreated++;
  }

  // Sprints: one running sprint at most; an import never replaces the project's own.
  const sprintIds = new Map<string, string>();
  const activeElsewhere = await tx.sprint.findFirst({ where: { projectId: target.projectId, state: "ACTIVE", NOT: { sourceId: { startsWith: prefix } } }, select: { id: true } });
  for (const sprint of project.sprints) {
    const state = sprint.state === "ACTIVE" && activeElsewhere ? "PLANNED" : sprint.state;
    if (state !== sprint.state) warnings.push({ code: "SPRINT_NOT_STARTED", message: `“${sprint.name}” was running in the source; it is planned here because this project already has a running sprint.` });
    const data = {
      name: sprint.name,
      goal: sprint.goal,
      state,
      startDate: sprint.startDate ? new Date(sprint.startDate) : null,
      endDate: sprint.endDate ? new Date(sprint.endDate) : null,
      startedAt: state !== "PLANNED" && sprint.startDate ? new Date(sprint.startDate) : null,
      completedAt: state === "CLOSED" ? new Date(sprint.completedAt ?? sprint.endDate ?? now.toISOString()) : null,
      ...(sprint.facts && { ...sprint.facts, startedAt: sprint.facts.startedAt ? new Date(sprint.facts.startedAt) : null }),
    };
    const saved = await tx.sprint.upsert({
      where: { projectId_sourceId: { projectId: target.projectId, sourceId: sourceId(sprint.sourceId) } },
      create: { projectId: target.projectId, sourceId: sourceId(sprint.sourceId), ...data },
      update: data,
      select: { id: true },
    });
    sprintIds.set(sprint.sourceId, saved.id);
  }

  // Cards: update those an earlier import made, create the rest with consecutive numbers.
  const members = await tx.membership.findMany({ where: { teamId: target.teamId }, select: { user: { select: { id: true, name: true, email: true } } } });
  const people = members.map((member) => member.user);
  const previous = new Map(
    (await tx.card.findMany({ where: { projectId: target.projectId, sourceId: { startsWith: prefix } }, select: { id: true, sourceId: true, columnId: true, boardRank: true } })).map((card) => [card.sourceId!, card]),
  );
  const fresh = project.cards.filter((card) => !previous.has(sourceId(card.sourceId)));
  const [counter] = await tx.$queryRaw<Array<{ first: number }>>`
    UPDATE "Project" SET "nextCardNumber" = "nextCardNumber" + ${fresh.length} WHERE id = ${target.projectId} RETURNING "nextCardNumber" - ${fresh.length} AS first`;
  let nextNumber = counter!.first;
  const lastBacklog = await tx.card.findFirst({ where: { projectId: target.projectId }, orderBy: { rank: "desc" }, select: { rank: true } });
  const backlogOrder = [...fresh].sort((a, b) => (a.backlogPosition ?? 0) - (b.backlogPosition ?? 0));
  const backlogRanks = new Map(ranksBetween(lastBacklog?.rank ?? null, null, fresh.length).map((rank, i) => [backlogOrder[i]!.sourceId, rank]));

  // Board ranks: appended per column after what is there, in the source's order.
  const boardRanks = new Map<string, string>();
  const movedIn = new Map<string, ImportedCard[]>();
  for (const card of project.cards) {
    const column = columnOf.get(card.columnSourceId);
    if (!column) throw validationFailed([{ path: "file", message: `Card “${card.title}” is in a list the file does not define.` }]);
    const before = previous.get(sourceId(card.sourceId));
    if (before && before.columnId === column.id) continue;
    (movedIn.get(column.id) ?? movedIn.set(column.id, []).get(column.id)!).push(card);
  }
  for (const [columnId, cards] of movedIn) {
    const last = await tx.card.findFirst({ where: { columnId }, orderBy: { boardRank: "desc" }, select: { boardRank: true } });
    ranksBetween(last?.boardRank ?? null, null, cards.length).forEach((rank, i) => boardRanks.set(cards[i]!.sourceId, rank));
  }

  const fieldsOf = (card: ImportedCard) => {
    const column = columnOf.get(card.columnSourceId)!;
    const entered = card.columnEnteredAt ?? card.events.filter((event) => event.toColumnSourceId === card.columnSourceId).at(-1)?.at ?? card.createdAt;
    const done = column.category === "DONE";
    return {
      title: card.title,
      description: card.description,
      type: card.type,
      priority: card.priority,
      labels: card.labels,
      estimate: card.estimate,
      assigneeId: matchPerson(card.assignee, people, mapping),
      columnId: column.id,
      sprintId: card.sprintSourceId ? (sprintIds.get(card.sprintSourceId) ?? null) : null,
      columnEnteredAt: new Date(entered ?? now.toISOString()),
      ...(card.blockedReason !== undefined && { blockedReason: card.blockedReason }),
      completedAt: done ? new Date(card.completedAt ?? entered ?? now.toISOString()) : null,
    };
  };
  // Progress is the share of rows written: cards, then their history, comments and checklist items.
  const totalRows = project.cards.length + project.cards.reduce((sum, card) => sum + card.events.length + card.comments.length + card.checklists.reduce((n, list) => n + list.items.length, 0), 0);
  let rowsWritten = 0;
  const wrote = (rows: number) => {
    rowsWritten += rows;
    onProgress(totalRows ? Math.min(rowsWritten / totalRows, 1) : 1);
  };
  let cardsUpdated = 0;
  for (const card of project.cards) {
    const before = previous.get(sourceId(card.sourceId));
    if (!before) continue;
    const rank = boardRanks.get(card.sourceId);
    await tx.card.update({ where: { id: before.id }, data: { ...fieldsOf(card), ...(rank && { boardRank: rank }), version: { increment: 1 } } });
    if (++cardsUpdated % BATCH === 0) wrote(BATCH);
  }
  wrote(cardsUpdated % BATCH);
  const CARD_FIELDS = ["title", "description", "type", "priority", "labels", "estimate", "assigneeId", "columnId", "sprintId", "columnEnteredAt", "blockedReason", "completedAt"] as const;
  const created = await insertRows(
    tx,
    "Card",
    ["projectId", "number", "key", "sourceId", ...CARD_FIELDS, "boardRank", "rank", "createdById", "createdAt", "updatedAt"],
    (function* () {
      for (const card of fresh) {
        const number = nextNumber++;
        const fields: Record<string, unknown> = fieldsOf(card);
        const createdAt = new Date(card.createdAt ?? now.toISOString());
        yield [target.projectId, number, `${target.projectKey}-${number}`, sourceId(card.sourceId), ...CARD_FIELDS.map((field) => fields[field] ?? null), boardRanks.get(card.sourceId)!, backlogRanks.get(card.sourceId)!, actorId, createdAt, now];
      }
    })(),
    wrote,
  );
  if (created !== fresh.length) throw new Error(`Import wrote ${created} of ${fresh.length} new cards (a key, rank or source id collided).`);
  const idOf = new Map(
    (await tx.card.findMany({ where: { projectId: target.projectId, sourceId: { startsWith: prefix } }, select: { id: true, sourceId: true } })).map((card) => [card.sourceId!.slice(prefix.length), card.id]),
  );
  const importedIds = project.cards.map((card) => idOf.get(card.sourceId)!);

  // History, comments and checklists: an earlier import's copies are replaced.
  for (const ids of chunks(importedIds)) {
    await tx.cardEvent.deleteMany({ where: { cardId: { in: ids }, imported: true } });
    await tx.cardComment.deleteMany({ where: { cardId: { in: ids }, imported: true } });
    await tx.checklistItem.deleteMany({ where: { cardId: { in: ids }, source: { path: ["imported"], equals: true } } });
  }
  const columnId = (source: string | null) => (source ? (columnOf.get(source)?.id ?? null) : null);
  const events = await insertRows(
    tx,
    "CardEvent",
    ["projectId", "cardId", "type", "fromColumnId", "toColumnId", "actorId", "data", "at", "imported"],
    (function* () {
      for (const card of project.cards) {
        for (const event of card.events) {
          const data = JSON.stringify({ ...event.data, actor: event.actor, source: project.source });
          yield [target.projectId, idOf.get(card.sourceId)!, event.type, columnId(event.fromColumnSourceId), columnId(event.toColumnSourceId), matchPerson(event.actor, people, mapping), data, new Date(event.at), true];
        }
      }
    })(),
    wrote,
  );
  const comments = await insertRows(
    tx,
    "CardComment",
    ["cardId", "authorId", "authorName", "body", "at", "sourceId", "imported"],
    (function* () {
      for (const card of project.cards) {
        for (const comment of card.comments) {
          const at = new Date(comment.at ?? card.createdAt ?? now.toISOString());
          yield [idOf.get(card.sourceId)!, matchPerson(comment.author, people, mapping), comment.author, comment.body, at, comment.sourceId, true];
        }
      }
    })(),
    wrote,
  );
  // The checklist chosen as the Definition of Done: its items are the project's criteria, and each
  // card's copy of it is that card's DoD items, with their ticks.
  const definition = mapping.definitionOfDone ? await adoptDefinition(tx, target.projectId, definitionFromChecklist(project, mapping.definitionOfDone)) : new Map<string, Criterion>();
  const linked = new Set<string>();
  const items = await insertRows(
    tx,
    "ChecklistItem",
    ["cardId", "criterionId", "list", "position", "text", "kind", "done", "source"],
    (function* () {
      for (const card of project.cards) {
        const cardId = idOf.get(card.sourceId)!;
        for (const [listIndex, checklist] of card.checklists.entries()) {
          for (const [position, item] of checklist.items.entries()) {
            const criterion = checklist.name === mapping.definitionOfDone ? definition.get(item.text.trim()) : undefined;
            if (criterion) linked.add(`${cardId}:${criterion.id}`);
            const place = criterion?.position ?? 1000 + listIndex * 1000 + position;
            yield [cardId, criterion?.id ?? null, criterion ? "DOD" : (item.list ?? "DOD"), place, item.text, item.kind ?? "manual", item.done, JSON.stringify({ imported: true, checklist: checklist.name })];
          }
        }
      }
    })(),
    wrote,
  );
  // New cards get the project's Definition of Done like any new card (services/dod.ts copyCriteria),
  // except from a Shipboard export, which carries each card's items with their ticks.
  const criteria = project.source === "shipboard" ? [] : await tx.checklistCriterion.findMany({ where: { projectId: target.projectId }, orderBy: { position: "asc" } });
  await insertRows(
    tx,
    "ChecklistItem",
    ["cardId", "criterionId", "list", "position", "text", "kind", "signal", "environment", "stage"],
    (function* () {
      for (const card of fresh) {
        const cardId = idOf.get(card.sourceId)!;
        for (const { id, list, position, text, kind, signal, environment, stage } of criteria) {
          if (!linked.has(`${cardId}:${id}`)) yield [cardId, id, list, position, text, kind, signal, environment, stage];
        }
      }
    })(),
  );

  // Epics: a parent that is an epic of this import becomes the card's epic.
  const epics = new Set(project.cards.filter((card) => card.type === "EPIC").map((card) => card.sourceId));
  for (const card of project.cards) {
    if (card.parentSourceId && epics.has(card.parentSourceId)) {
      await tx.card.update({ where: { id: idOf.get(card.sourceId)! }, data: { epicId: idOf.get(card.parentSourceId)! } });
    }
  }
  warnings.push(...(await writePipeline(tx, target.projectId, project, idOf)));
  await publishBoardEvent(tx, target.projectId, "board.changed", { reason: "import" });
  return { columnsCreated, cardsCreated: fresh.length, cardsUpdated, sprints: sprintIds.size, events, comments, checklistItems: items, warnings };
}

type Criterion = { id: string; position: number };

/**
 * Plain multi-row INSERTs (pipeline/sql.ts), a batch at a time as the rows are produced: Prisma's
 * createMany cost far more CPU and memory per row, which dominated large imports (bench:import).
 * Returns how many rows were written (a row that hits a unique constraint is skipped).
 */
async function insertRows(tx: Tx, table: string, columns: readonly string[], rows: Iterable<unknown[]>, onBatch: (rows: number) => void = () => {}): Promise<number> {
  let batch: unknown[][] = [];
  let written = 0;
  const flush = async () => {
    if (!batch.length) return;
    written += (await insertIgnoringConflicts(tx, table, ["id", ...columns], batch.map((row) => [randomUUID(), ...row]), ["id"])).length;
    onBatch(batch.length);
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) await flush();
  }
  await flush();
  return written;
}

/**
 * Makes the given texts the project's Definition of Done: criteria of the same text are kept (a
 * re-import adds nothing), missing ones are appended as manual items. Cards that existed before
 * the import do not get the new criteria (as when the definition is edited in settings).
 */
async function adoptDefinition(tx: Tx, projectId: string, texts: string[]): Promise<Map<string, Criterion>> {
  if (!texts.length) throw validationFailed([{ path: "mapping.definitionOfDone", message: "No card of this file has a checklist of that name." }]);
  const existing = await tx.checklistCriterion.findMany({ where: { projectId, list: "DOD" }, orderBy: { position: "asc" }, select: { id: true, text: true, position: true } });
  const byText = new Map<string, Criterion>(existing.map((criterion) => [criterion.text.trim(), criterion]));
  let position = existing.at(-1)?.position ?? -1;
  for (const text of texts) {
    if (byText.has(text)) continue;
    const created = await tx.checklistCriterion.create({ data: { projectId, list: "DOD", position: ++position, text, kind: "manual" }, select: { id: true, position: true } });
    byText.set(text, created);
  }
  return byText;
}
