import "server-only";
// The product owner's order (Card.rank, one fractional index per project) and planning cards into
// sprints. Every writer of Card.rank locks the Project row first, so rank operations serialize
// and each one reads its neighbours after the previous one committed.
import { MAX_RANK_LENGTH, needsRebalance, ranksBetween } from "@/lib/domain/ranking";
import { hasRole } from "@/lib/domain/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnchorInput, CreateBacklogCardInput, EstimateCardInput, PlanCardsInput, RankCardsInput } from "@/lib/validation/backlog";
import type { CardAccess, ProjectAccess } from "../authz";
import { db, type Tx } from "../db";
import { conflict, forbidden, notFound, validationFailed } from "../errors";
import { publishBoardEvent } from "../realtime";
import { createCard, updateCard } from "./cards";
import { assertMayOverride, assertReady } from "./dod";
import { checkSprintEntry } from "./sprint-wip";

/** A respacing may rewrite many cards of a big project; give it time. */
export const RANK_TX_OPTIONS = { maxWait: 10_000, timeout: 30_000 };

export type Anchor = { afterKey: string } | { beforeKey: string } | { position: "top" | "bottom" };

/** The API's rule: `afterKey`, else `beforeKey`, else `position`, else the top. */
function anchorOf(input: AnchorInput): Anchor {
  if (input.afterKey) return { afterKey: input.afterKey };
  if (input.beforeKey) return { beforeKey: input.beforeKey };
  return { position: input.position ?? "top" };
}

const hasAnchor = (input: AnchorInput) => Boolean(input.afterKey || input.beforeKey || input.position);

/**
 * Serializes writers of a project's rank order and sprint scope (createCard's counter update
 * conflicts with it too). NO KEY UPDATE: the foreign-key checks of a concurrent card move (its
 * history and board event rows) do not wait for it, so a move holding a card this transaction
 * needs can always finish.
 */
export async function lockProject(tx: Tx, projectId: string) {
  await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${projectId} FOR NO KEY UPDATE`;
}

/**
 * The gap the anchor names: between the anchor and its true neighbour in the whole project order
 * (the moving cards do not count as neighbours). One statement for anchor and neighbour.
 */
async function findGap(tx: Tx, projectId: string, anchor: Anchor, moving: string[]): Promise<{ lo: string | null; hi: string | null }> {
  if ("position" in anchor) {
    const [edge] = await tx.$queryRaw<Array<{ rank: string | null }>>`
      SELECT ${anchor.position === "top" ? Prisma.sql`min(rank)` : Prisma.sql`max(rank)`} AS rank
      FROM "Card" WHERE "projectId" = ${projectId} AND id <> ALL(${moving}::text[])`;
    return anchor.position === "top" ? { lo: null, hi: edge?.rank ?? null } : { lo: edge?.rank ?? null, hi: null };
  }
  const after = "afterKey" in anchor;
  const [key, path] = after ? [anchor.afterKey, "afterKey"] : [anchor.beforeKey, "beforeKey"];
  const [card] = await tx.$queryRaw<Array<{ id: string; projectId: string; rank: string; neighbour: string | null }>>`
    SELECT a.id, a."projectId", a.rank,
           (SELECT ${after ? Prisma.sql`min(c.rank)` : Prisma.sql`max(c.rank)`} FROM "Card" c
            WHERE c."projectId" = a."projectId" AND c.id <> ALL(${moving}::text[])
              AND ${after ? Prisma.sql`c.rank > a.rank` : Prisma.sql`c.rank < a.rank`}) AS neighbour
    FROM "Card" a WHERE a.key = ${key}`;
  if (!card || card.projectId !== projectId) throw validationFailed([{ path, message: `${key} is not a card of this project.` }]);
  if (moving.includes(card.id)) throw validationFailed([{ path, message: `${key} is being moved itself; anchor to another card.` }]);
  return after ? { lo: card.rank, hi: card.neighbour } : { lo: card.neighbour, hi: card.rank };
}

async function setRanks(tx: Tx, ids: string[], ranks: string[]) {
  await tx.$executeRaw`UPDATE "Card" AS c SET rank = v.rank FROM unnest(${ids}::text[], ${ranks}::text[]) AS v(id, rank) WHERE c.id = v.id`;
}

/** Respaced keys are at most half the maximum, so one spot takes ~190 more inserts before the next respacing. */
const RESPACED_LENGTH = MAX_RANK_LENGTH / 2;

/** Up to `limit` cards at or below `rank` (nearest first), or at or above it; none when the gap is open on that side. */
async function side(tx: Tx, projectId: string, moving: string[], direction: "below" | "above", rank: string | null, limit: number) {
  if (rank === null) return [];
  return tx.$queryRaw<Array<{ id: string; rank: string }>>`
    SELECT id, rank FROM "Card"
    WHERE "projectId" = ${projectId} AND id <> ALL(${moving}::text[]) AND ${direction === "below" ? Prisma.sql`rank <= ${rank}` : Prisma.sql`rank >= ${rank}`}
    ORDER BY rank ${direction === "below" ? Prisma.sql`DESC` : Prisma.sql`ASC`} LIMIT ${limit}`;
}

/**
 * Rebalancing, local: the gap (lo, hi) is too crowded, so the cards around it are given fresh,
 * evenly spaced keys together with `count` slots in the middle. The window doubles (k cards on
 * each side) until its outer neighbours leave room for keys of at most RESPACED_LENGTH; at worst it
 * spans the whole project, which is the full `rebalance` (same keys). Rewriting only the crowded
 * stretch keeps the lock short in big projects. Order never changes: the window's keys lie strictly
 * between its outer neighbours and keep the window's order. Returns the slots' keys; the moving
 * cards are parked on a placeholder until the caller writes them.
 */
async function respace(tx: Tx, projectId: string, lo: string | null, hi: string | null, moving: string[], count: number) {
  for (let k = 16; ; k *= 2) {
    const [below, above] = await Promise.all([side(tx, projectId, moving, "below", lo, k + 1), side(tx, projectId, moving, "above", hi, k + 1)]);
    const outerLo = below.length > k ? below[k]!.rank : null;
    const outerHi = above.length > k ? above[k]!.rank : null;
    const window = [...below.slice(0, k).reverse(), ...above.slice(0, k)].map((card) => card.id);
    const keys = ranksBetween(outerLo, outerHi, window.length + count);
    if (keys.some((key) => key.length > RESPACED_LENGTH) && (outerLo !== null || outerHi !== null)) continue;
    const before = Math.min(k, below.length);
    const windowKeys = [...keys.slice(0, before), ...keys.slice(before + count)];
    // Two passes: the unique (projectId, rank) index is checked row by row, so park first.
    await tx.$executeRaw`UPDATE "Card" SET rank = '~' || id WHERE id = ANY(${[...window, ...moving]}::text[])`;
    await setRanks(tx, window, windowKeys);
    return keys.slice(before, before + count);
  }
}

/**
 * Ascending keys for `count` cards placed together at `anchor`. `moving` are the ids of existing
 * cards being placed (ignored as neighbours); a new card passes none. Respaces the crowded stretch
 * when a key would exceed MAX_RANK_LENGTH, without changing the order. Call with the project locked.
 */
export async function allocateRanks(tx: Tx, projectId: string, anchor: Anchor, moving: string[], count = moving.length) {
  const { lo, hi } = await findGap(tx, projectId, anchor, moving);
  const keys = ranksBetween(lo, hi, count);
  return keys.some(needsRebalance) ? respace(tx, projectId, lo, hi, moving, count) : keys;
}

/** Moves existing cards (already sorted by their current rank) to `anchor`, keeping their relative order. Project locked. */
export async function placeCards(tx: Tx, projectId: string, anchor: Anchor, ids: string[]) {
  const ranks = await allocateRanks(tx, projectId, anchor, ids);
  // A new key may equal another moving card's old key: park them first.
  if (ids.length > 1) await tx.$executeRaw`UPDATE "Card" SET rank = '~' || id WHERE id = ANY(${ids}::text[])`;
  await setRanks(tx, ids, ranks);
  return ranks;
}

async function loadCards(tx: Tx, projectId: string, keys: string[]) {
  const cards = await tx.card.findMany({
    where: { projectId, key: { in: keys } },
    select: { id: true, key: true, estimate: true, sprintId: true },
    orderBy: { rank: "asc" },
  });
  const found = new Set(cards.map((card) => card.key));
  const missing = keys.flatMap((key, index) => (found.has(key) ? [] : [{ path: `cardKeys.${index}`, message: `${key} is not a card of this project.` }]));
  if (missing.length) throw validationFailed(missing);
  return cards;
}

/** Moves cards to `anchor` in the project order, keeping their relative order (product owner and above). */
export async function rankCards(access: ProjectAccess, input: RankCardsInput) {
  return db.$transaction(async (tx) => {
    await lockProject(tx, access.projectId);
    const cards = await loadCards(tx, access.projectId, input.cardKeys);
    const anchor = anchorOf(input);
    const ranks = await placeCards(tx, access.projectId, anchor, cards.map((card) => card.id));
    await publishBoardEvent(tx, access.projectId, "board.changed", { reason: "ranked", keys: cards.map((card) => card.key), anchor });
    return cards.map((card, index) => ({ key: card.key, rank: ranks[index]! }));
  }, RANK_TX_OPTIONS);
}

/**
 * Puts cards into a sprint (`sprintId`) or back in the backlog (`null`); with an anchor it also
 * ranks them, which needs product owner. `from` (DELETE /sprints/{id}/cards) insists the cards
 * are in that sprint. Changes to an ACTIVE sprint are recorded as ADDED / REMOVED scope changes;
 * cards added to it meet the board's WIP limits (services/sprint-wip.ts).
 */
export async function planCards(access: ProjectAccess, actorId: string, input: PlanCardsInput, from?: string) {
  if (hasAnchor(input) && !hasRole(access.role, "PRODUCT_OWNER")) throw forbidden("Only product owners and admins rank the backlog.");
  if (input.override) assertMayOverride(access.role, "Ready");
  return db.$transaction(async (tx) => {
    await lockProject(tx, access.projectId);
    const target = input.sprintId
      ? await tx.sprint.findFirst({ where: { id: input.sprintId, projectId: access.projectId }, select: { id: true, state: true } })
      : null;
    if (input.sprintId && !target) throw notFound("Sprint");
    if (target?.state === "CLOSED") throw conflict("SPRINT_CLOSED", "This sprint is closed; its scope can no longer change.");
    const cards = await loadCards(tx, access.projectId, input.cardKeys);
    const sprintIds = [...new Set(cards.flatMap((card) => (card.sprintId ? [card.sprintId] : [])))];
    const states = new Map((await tx.sprint.findMany({ where: { id: { in: sprintIds } }, select: { id: true, state: true } })).map((s) => [s.id, s.state]));
    const refused = cards.flatMap((card) => {
      const path = `cardKeys.${input.cardKeys.indexOf(card.key)}`;
      if (from !== undefined && card.sprintId !== from) return [{ path, message: `${card.key} is not in this sprint.` }];
      if (card.sprintId && states.get(card.sprintId) === "CLOSED") return [{ path, message: `${card.key} was completed in a closed sprint.` }];
      return [];
    });
    if (refused.length) throw validationFailed(refused);
    const moved = cards.filter((card) => card.sprintId !== (target?.id ?? null));
    if (target) await assertReady(tx, access, actorId, moved, input.override);
    const breaches = target?.state === "ACTIVE" ? await checkSprintEntry(tx, access.projectId, target.id, moved.map((card) => card.id), actorId) : [];
    const now = new Date();
    const fact = (card: (typeof moved)[number], sprintId: string, kind: "ADDED" | "REMOVED") => ({ sprintId, kind, cardId: card.id, points: card.estimate, actorId, at: now });
    const facts = moved.flatMap((card) => [
      ...(card.sprintId && states.get(card.sprintId) === "ACTIVE" ? [fact(card, card.sprintId, "REMOVED")] : []),
      ...(target?.state === "ACTIVE" ? [fact(card, target.id, "ADDED")] : []),
    ]);
    if (moved.length) await tx.card.updateMany({ where: { id: { in: moved.map((card) => card.id) } }, data: { sprintId: target?.id ?? null } });
    if (facts.length) await tx.sprintScopeChange.createMany({ data: facts });
    if (breaches.length) await tx.cardEvent.createMany({ data: breaches });
    if (hasAnchor(input)) await placeCards(tx, access.projectId, anchorOf(input), cards.map((card) => card.id));
    await publishBoardEvent(tx, access.projectId, "board.changed", { reason: "planned", sprintId: target?.id ?? null });
    return { sprintId: target?.id ?? null, moved: moved.map((card) => card.key) };
  }, RANK_TX_OPTIONS);
}

/** Inline creation at a position, optionally straight into a planned sprint. */
export async function createBacklogCard(access: ProjectAccess, actorId: string, input: CreateBacklogCardInput) {
  const { afterKey, beforeKey, position, sprintId, ...fields } = input;
  return createCard(access, actorId, fields, {
    // Runs inside createCard's transaction, after its counter update locked the project row.
    place: async (tx) => {
      if (sprintId) {
        const sprint = await tx.sprint.findFirst({ where: { id: sprintId, projectId: access.projectId }, select: { state: true } });
        if (sprint?.state !== "PLANNED") throw validationFailed([{ path: "sprintId", message: "New cards can go into a planned sprint of this project only." }]);
      }
      const [rank] = await allocateRanks(tx, access.projectId, anchorOf({ afterKey, beforeKey, position: position ?? "bottom" }), [], 1);
      return { rank: rank!, sprintId: sprintId ?? null };
    },
  });
}

/** Sets story points; the value must be on the project's estimate scale (or null to clear). */
export async function estimateCard(access: CardAccess, actorId: string, input: EstimateCardInput) {
  const project = await db.project.findUniqueOrThrow({ where: { id: access.projectId }, select: { estimateScale: true } });
  if (input.estimate !== null && !project.estimateScale.includes(input.estimate)) {
    throw validationFailed([{ path: "estimate", message: `Pick a value on the project's scale: ${project.estimateScale.join(", ")}.` }]);
  }
  return updateCard(access, actorId, { estimate: input.estimate, version: input.version });
}
