import "server-only";
// Definition of Done (and of Ready): the project's ordered criteria, and every card's own copy of
// them as ChecklistItem rows. Items are materialized eagerly: a new card copies the criteria
// (createCard), and saving the definition syncs the checklists of all cards not in a DONE column
// (new criteria added, removed ones dropped, edited ones updated). Cards already done keep their
// checklist as it was when they were completed.
import { unmetItems } from "@/lib/domain/dod";
import { readyRule, unmetReadyItems } from "@/lib/domain/ready";
import { hasRole } from "@/lib/domain/roles";
import type { ColumnCategory } from "@/lib/domain/completion";
import type { DefinitionInput, DodCriterionInput } from "@/lib/validation/dod";
import type { CardAccess, ProjectAccess } from "../authz";
import { db, type Tx } from "../db";
import { forbidden, notFound, unprocessable } from "../errors";
import { publishBoardEvent } from "../realtime";
import { refreshAutoItems } from "./dod-auto";

export type ChecklistList = "DOD" | "DOR";
/** Card-specific items sort after the project's criteria. */
const OWN_ITEM_POSITION = 1000;

type Criterion = { list: ChecklistList; position: number; text: string; kind: string; signal: string | null; environment: string | null; stage: string | null };

const criterionOf = (list: ChecklistList, item: DodCriterionInput, position: number): Criterion => ({
  list,
  position,
  text: item.text,
  kind: item.kind,
  signal: item.kind === "auto" ? item.signal : null,
  environment: item.kind === "auto" && item.signal === "deployed" ? (item.environment ?? null) : null,
  stage: item.kind === "auto" && item.signal === "stage_succeeded" ? (item.stage ?? null) : null,
});

/** What an item checks; when it changes, a ticked item no longer proves anything. */
const meaning = (c: Pick<Criterion, "kind" | "signal" | "environment" | "stage">) => JSON.stringify([c.kind, c.signal, c.environment, c.stage]);

/** Copies the project's current criteria onto a new card (in the card's creating transaction). */
export async function copyCriteria(tx: Tx, projectId: string, cardId: string) {
  const criteria = await tx.checklistCriterion.findMany({ where: { projectId }, orderBy: { position: "asc" } });
  if (criteria.length === 0) return;
  await tx.checklistItem.createMany({
    data: criteria.map(({ id, list, position, text, kind, signal, environment, stage }) => ({ cardId, criterionId: id, list, position, text, kind, signal, environment, stage })),
  });
}

/**
 * Replaces the project's criteria. An existing criterion is kept (and its items with their ticks)
 * when the new list has the same text and meaning; otherwise items are re-created. Runs under the
 * project row lock so two saves do not interleave.
 */
export async function saveDefinition(access: ProjectAccess, input: DefinitionInput) {
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${access.projectId} FOR UPDATE`;
    const wanted = [
      ...input.items.map((item, i) => criterionOf("DOD", item, i)),
      ...(input.ready ? input.ready.items.map((item, i) => criterionOf("DOR", item, i)) : []),
    ];
    const lists: ChecklistList[] = input.ready ? ["DOD", "DOR"] : ["DOD"];
    const existing = await tx.checklistCriterion.findMany({ where: { projectId: access.projectId, list: { in: lists } }, orderBy: { position: "asc" } });
    const unused = [...existing];
    const kept: Array<{ id: string; criterion: Criterion }> = [];
    const added: Criterion[] = [];
    for (const criterion of wanted) {
      const index = unused.findIndex((old) => old.list === criterion.list && old.text === criterion.text && meaning(old) === meaning(criterion));
      if (index === -1) added.push(criterion);
      else kept.push({ id: unused.splice(index, 1)[0]!.id, criterion });
    }
    const openCards = await tx.card.findMany({ where: { projectId: access.projectId, column: { category: { not: "DONE" } } }, select: { id: true } });
    const cardIds = openCards.map((card) => card.id);
    // Done cards keep their items; the criterion's deletion only unlinks them (onDelete: SetNull).
    const removed = unused.map((old) => old.id);
    if (removed.length) {
      await tx.checklistItem.deleteMany({ where: { criterionId: { in: removed }, cardId: { in: cardIds } } });
      await tx.checklistCriterion.deleteMany({ where: { id: { in: removed } } });
    }
    for (const { id, criterion } of kept) {
      await tx.checklistCriterion.update({ where: { id }, data: { position: criterion.position } });
      await tx.checklistItem.updateMany({ where: { criterionId: id, cardId: { in: cardIds } }, data: { position: criterion.position } });
    }
    for (const criterion of added) {
      const { id } = await tx.checklistCriterion.create({ data: { projectId: access.projectId, ...criterion }, select: { id: true } });
      if (cardIds.length) await tx.checklistItem.createMany({ data: cardIds.map((cardId) => ({ cardId, criterionId: id, ...criterion })) });
    }
    if (input.ready) await tx.project.update({ where: { id: access.projectId }, data: { readyEnabled: input.ready.enabled } });
    if (added.some((c) => c.kind === "auto")) await refreshAutoItems(tx, cardIds);
    await publishBoardEvent(tx, access.projectId, "board.changed", { change: "dod.changed" });
  });
}

async function lockedItem(tx: Tx, access: CardAccess, itemId: string) {
  // The card row lock orders a tick against a concurrent move into Done (which holds it too).
  await tx.$queryRaw`SELECT id FROM "Card" WHERE id = ${access.cardId} FOR UPDATE`;
  const item = await tx.checklistItem.findFirst({ where: { id: itemId, cardId: access.cardId }, select: { id: true, list: true, text: true, kind: true, done: true } });
  if (!item) throw notFound("Checklist item");
  return item;
}

/** Ticks or un-ticks a manual item; automatic items follow CI/CD and refuse (422 AUTO_ITEM). */
export async function tickItem(access: CardAccess, actorId: string, itemId: string, done: boolean) {
  await db.$transaction(async (tx) => {
    const item = await lockedItem(tx, access, itemId);
    if (item.kind !== "manual") throw unprocessable("AUTO_ITEM", `"${item.text}" is ticked by CI/CD, not by hand.`);
    if (item.list === "DOR" && readyRule(item.text) === "estimate") throw unprocessable("AUTO_ITEM", `"${item.text}" is met by the card's estimate, not by hand.`);
    if (item.done === done) return;
    const actor = await tx.user.findUniqueOrThrow({ where: { id: actorId }, select: { name: true } });
    await tx.checklistItem.update({
      where: { id: item.id },
      data: done ? { done, doneById: actorId, doneBy: actor.name, doneAt: new Date(), source: undefined } : { done, doneById: null, doneBy: null, doneAt: null },
    });
    await tx.cardEvent.create({ data: { projectId: access.projectId, cardId: access.cardId, type: "DOD_TICKED", actorId, data: { itemId: item.id, text: item.text, done } } });
    await publishBoardEvent(tx, access.projectId, "card.updated", { key: access.cardKey, reason: "dod" });
  });
}

/** Adds a manual item to one card only (after the project's criteria). */
export async function addCardItem(access: CardAccess, actorId: string, text: string) {
  return db.$transaction(async (tx) => {
    const last = await tx.checklistItem.findFirst({ where: { cardId: access.cardId, list: "DOD" }, orderBy: { position: "desc" }, select: { position: true } });
    const position = Math.max(OWN_ITEM_POSITION, (last?.position ?? 0) + 1);
    const item = await tx.checklistItem.create({ data: { cardId: access.cardId, list: "DOD", position, text, kind: "manual" }, select: { id: true } });
    await tx.cardEvent.create({ data: { projectId: access.projectId, cardId: access.cardId, type: "DOD_ITEM_ADDED", actorId, data: { itemId: item.id, text } } });
    await publishBoardEvent(tx, access.projectId, "card.updated", { key: access.cardKey, reason: "dod" });
    return item;
  });
}

export type DodOverride = { reason: string; unmet: Array<{ id: string; text: string }> };

export type DodItemState = { id: string; text: string; done: boolean };

/**
 * The Definition-of-Done gate of a move (services/board.ts, which reads the card's DOD items
 * with its lock). Entering a DONE column from a column that is not DONE needs every DOD item
 * ticked; `override` (checked to come from a product owner or admin) lets the card in anyway and
 * is returned so the move records it.
 */
export function checkDefinitionOfDone(
  card: { fromCategory: ColumnCategory; dodItems: readonly DodItemState[] | null },
  column: { category: ColumnCategory },
  override?: { reason: string },
): DodOverride | null {
  if (column.category !== "DONE" || card.fromCategory === "DONE") return null;
  const unmet = unmetItems(card.dodItems ?? []).map(({ id, text }) => ({ id, text }));
  if (unmet.length === 0) return null;
  if (override) return { reason: override.reason, unmet };
  throw unprocessable("DOD_INCOMPLETE", `The Definition of Done is not met: ${unmet.map((item) => item.text).join("; ")}.`, { items: unmet });
}

/** Only product owners and admins may go past an unmet Definition of Done (or of Ready). */
export function assertMayOverride(role: ProjectAccess["role"], definition: "Done" | "Ready" = "Done") {
  if (!hasRole(role, "PRODUCT_OWNER")) throw forbidden(`Only a product owner or admin may override the Definition of ${definition}.`);
}

/**
 * The Definition-of-Ready gate of sprint planning: when the project enables it, every card going
 * into a sprint needs its DOR items met (lib/domain/ready: ticked, or an estimate for estimation
 * items; 422 DOR_INCOMPLETE, details list the cards' unmet items). With `override` (product
 * owners and admins; the caller checks the role) the cards go in anyway and each unready card's
 * history records the reason and what was not met.
 */
export async function assertReady(tx: Tx, access: ProjectAccess, actorId: string, cards: Array<{ id: string; key: string; estimate: number | null }>, override?: { reason: string }) {
  if (cards.length === 0) return;
  const project = await tx.project.findUniqueOrThrow({ where: { id: access.projectId }, select: { readyEnabled: true } });
  if (!project.readyEnabled) return;
  const rows = await tx.checklistItem.findMany({ where: { cardId: { in: cards.map((c) => c.id) }, list: "DOR" }, orderBy: { position: "asc" }, select: { id: true, cardId: true, text: true, done: true } });
  const open = cards.flatMap((card) => unmetReadyItems(rows.filter((item) => item.cardId === card.id), card));
  if (open.length === 0) return;
  const keyOf = new Map(cards.map((c) => [c.id, c.key]));
  const items = open.map((item) => ({ id: item.id, cardKey: keyOf.get(item.cardId)!, text: item.text }));
  if (!override) throw unprocessable("DOR_INCOMPLETE", `Not ready for a sprint: ${items.map((i) => `${i.cardKey} ${i.text}`).join("; ")}.`, { items });
  const unreadyCards = [...new Set(open.map((item) => item.cardId))];
  await tx.cardEvent.createMany({
    data: unreadyCards.map((cardId) => ({
      projectId: access.projectId,
      cardId,
      type: "DOR_OVERRIDE",
      actorId,
      data: { reason: override.reason, unmet: open.filter((item) => item.cardId === cardId).map(({ id, text }) => ({ id, text })) },
    })),
  });
}
