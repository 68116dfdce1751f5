import "server-only";
// Reads for the Definition of Done / Ready and the automation rules. Callers authorize first.
import { isSatisfied } from "@/lib/domain/dod";
import { isReadyItemMet, readyRule } from "@/lib/domain/ready";
import { db } from "../db";

const criterionView = (c: { id: string; text: string; kind: string; signal: string | null; environment: string | null; stage: string | null }) => ({
  id: c.id,
  text: c.text,
  kind: c.kind as "manual" | "auto",
  ...(c.signal !== null && { signal: c.signal }),
  ...(c.environment !== null && { environment: c.environment }),
  ...(c.stage !== null && { stage: c.stage }),
});

/** The project's Definition of Done in order, and its Definition of Ready. */
export async function getDefinition(projectId: string) {
  const [criteria, project] = await Promise.all([
    db.checklistCriterion.findMany({ where: { projectId }, orderBy: { position: "asc" } }),
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { readyEnabled: true } }),
  ]);
  return {
    items: criteria.filter((c) => c.list === "DOD").map(criterionView),
    ready: { enabled: project.readyEnabled, items: criteria.filter((c) => c.list === "DOR").map(criterionView) },
  };
}
export type DefinitionDto = Awaited<ReturnType<typeof getDefinition>>;

type ItemRow = { id: string; text: string; kind: string; signal: string | null; done: boolean; doneBy: string | null; doneAt: Date | null; source: unknown; criterionId: string | null };
const itemView = (item: ItemRow) => ({
  id: item.id,
  text: item.text,
  kind: item.kind as "manual" | "auto",
  ...(item.signal !== null && { signal: item.signal }),
  done: item.done,
  /** Card-specific items (not from the project's definition). */
  own: item.criterionId === null,
  ...(item.doneBy !== null && { doneBy: item.doneBy }),
  ...(item.doneAt !== null && { doneAt: item.doneAt.toISOString() }),
  ...(item.source !== null && { source: item.source as { kind: "run" | "deployment" | "pullRequest"; url?: string; label: string } }),
});

/**
 * A card's checklists: the DoD with whether it is satisfied, its DoR (whether the project asks
 * for it, and each item met by a tick or, for estimation items, by the card's estimate), and the
 * overrides recorded on it.
 */
export async function cardChecklist(cardId: string) {
  const [items, overrides, card] = await Promise.all([
    db.checklistItem.findMany({ where: { cardId }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
    db.cardEvent.findMany({ where: { cardId, type: "DOD_OVERRIDE" }, orderBy: { at: "desc" }, select: { at: true, data: true, actorId: true } }),
    db.card.findUniqueOrThrow({ where: { id: cardId }, select: { estimate: true, project: { select: { readyEnabled: true } } } }),
  ]);
  const actorIds = overrides.flatMap((o) => (o.actorId ? [o.actorId] : []));
  const names = new Map(actorIds.length ? (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]) : []);
  const dod = items.filter((item) => item.list === "DOD");
  return {
    items: dod.map(itemView),
    satisfied: isSatisfied(dod),
    readyEnabled: card.project.readyEnabled,
    ready: items
      .filter((item) => item.list === "DOR")
      .map((item) => ({ ...itemView(item), done: isReadyItemMet(item, card), metBy: readyRule(item.text) })),
    overrides: overrides.map((o) => ({ at: o.at.toISOString(), by: (o.actorId && names.get(o.actorId)) ?? null, reason: (o.data as { reason?: string } | null)?.reason ?? "" })),
  };
}
export type CardChecklistDto = Awaited<ReturnType<typeof cardChecklist>>;

export async function getAutomationRules(projectId: string) {
  const rules = await db.automationRule.findMany({ where: { projectId }, orderBy: { id: "asc" }, select: { trigger: true, environment: true, toColumnId: true, enabled: true } });
  return { rules: rules.map((rule) => ({ trigger: rule.trigger, ...(rule.environment !== null && { environment: rule.environment }), toColumnId: rule.toColumnId, enabled: rule.enabled })) };
}

/** The automation page: the rules and the columns they may target, in board order. */
export async function automationSettings(projectId: string) {
  const [{ rules }, columns] = await Promise.all([
    getAutomationRules(projectId),
    db.column.findMany({ where: { projectId }, orderBy: { rank: "asc" }, select: { id: true, name: true } }),
  ]);
  return { rules, columns };
}
