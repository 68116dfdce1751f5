import "server-only";
// Automation rules: "pull request opened → column X", "merged → Y", "deployed to E → Z". They run
// inside the webhook processing transaction (pipeline-hooks.ts), after the card's automatic DoD
// items were refreshed, and move cards through moveCardInTx, so WIP limits and the Definition of
// Done apply exactly as to a person. A refused move flags the card (Card.flagReason plus an
// AUTOMATION_FLAGGED event); a later successful one clears the flag. Rules only move cards
// forward: a reopened or updated pull request never drags a card back from a later column.
import { compareRanks } from "@/lib/domain/ranking";
import type { AutomationInput } from "@/lib/validation/dod";
import type { ProjectAccess } from "../authz";
import { db, sqlTx, type Tx } from "../db";
import { AppError, validationFailed } from "../errors";
import { publishBoardEvent } from "../realtime";
import { moveCardInTx } from "./board";
import type { PipelineChange } from "./pipeline-hooks";

/** Replaces the project's rules; every target column must belong to the project. */
export async function saveAutomationRules(access: ProjectAccess, input: AutomationInput) {
  await db.$transaction(async (tx) => {
    const columns = new Set((await tx.column.findMany({ where: { projectId: access.projectId }, select: { id: true } })).map((c) => c.id));
    const bad = input.rules.flatMap((rule, i) => (columns.has(rule.toColumnId) ? [] : [{ path: `rules.${i}.toColumnId`, message: "No such column on this board." }]));
    if (bad.length) throw validationFailed(bad);
    await tx.automationRule.deleteMany({ where: { projectId: access.projectId } });
    if (input.rules.length) {
      await tx.automationRule.createMany({ data: input.rules.map((rule) => ({ projectId: access.projectId, trigger: rule.trigger, environment: rule.environment ?? null, toColumnId: rule.toColumnId })) });
    }
  });
}

/** The rule triggers a changed record fires. */
function triggersOf(change: PipelineChange): Array<{ trigger: string; environment?: string }> {
  const record = change.record;
  if (record.kind === "pullRequest") return record.merged ? [{ trigger: "pr_merged" }] : record.state === "open" ? [{ trigger: "pr_opened" }] : [];
  if (record.kind === "deployment" && record.status === "success") return [{ trigger: "deployed", environment: record.environment }];
  return [];
}

async function flag(tx: Tx, card: { id: string; key: string; projectId: string; flagReason: string | null }, reason: string, data: object) {
  if (card.flagReason === reason) return;
  await tx.card.update({ where: { id: card.id }, data: { flagReason: reason } });
  await tx.cardEvent.create({ data: { projectId: card.projectId, cardId: card.id, type: "AUTOMATION_FLAGGED", data: { reason, ...data } } });
  await publishBoardEvent(tx, card.projectId, "card.updated", { key: card.key, reason: "automation" });
}

/** Applies the project's rules the change fires to each of its cards. */
export async function applyAutomation(tx: Tx, change: PipelineChange) {
  const fired = triggersOf(change);
  if (fired.length === 0 || change.cardIds.length === 0) return;
  const rules = await tx.automationRule.findMany({ where: { projectId: change.projectId, enabled: true }, select: { trigger: true, environment: true, toColumnId: true } });
  const matching = rules.filter((rule) => fired.some((f) => f.trigger === rule.trigger && (rule.environment === null || rule.environment === f.environment)));
  if (matching.length === 0) return;
  const columns = new Map((await tx.column.findMany({ where: { projectId: change.projectId }, select: { id: true, rank: true } })).map((c) => [c.id, c.rank]));
  for (const cardId of change.cardIds) {
    for (const rule of matching) {
      const card = await tx.card.findUnique({ where: { id: cardId }, select: { id: true, key: true, projectId: true, columnId: true, flagReason: true } });
      const target = columns.get(rule.toColumnId);
      if (!card || card.projectId !== change.projectId || target === undefined) continue;
      if (compareRanks(columns.get(card.columnId)!, target) >= 0) continue;
      try {
        await moveCardInTx(sqlTx(tx), { projectId: card.projectId, cardId: card.id, cardKey: card.key }, null, { toColumnId: rule.toColumnId }, { automation: true });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        await flag(tx, card, error.message, { code: error.code, trigger: rule.trigger, toColumnId: rule.toColumnId });
        continue;
      }
      if (card.flagReason !== null) {
        await tx.card.update({ where: { id: card.id }, data: { flagReason: null } });
        await publishBoardEvent(tx, card.projectId, "card.updated", { key: card.key, reason: "automation" });
      }
    }
  }
}
