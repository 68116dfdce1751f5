import "server-only";
// Card links of pipeline records. Links live on the record (CardRun, CardPullRequest,
// CardDeployment), so a later delivery of the same run that names no card still reaches the cards
// an earlier one linked; CardCommit remembers which commits a card's work touched, so a later
// deployment of such a commit links the card too.
import { findCardKeys } from "@/lib/domain/pipeline/card-keys";
import type { Tx } from "../../db";

export type CardRef = { id: string; key: string };

/**
 * Existing cards of the project named in `texts`, in `findCardKeys` order (by number). Only the
 * candidate keys are looked up, never the whole project.
 */
export async function cardsNamedIn(tx: Tx, projectId: string, projectKey: string, texts: readonly string[]): Promise<CardRef[]> {
  const candidates = findCardKeys(texts, projectKey);
  if (candidates.length === 0) return [];
  const rows = await tx.card.findMany({ where: { projectId, key: { in: candidates } }, select: { id: true, key: true } });
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return findCardKeys(texts, projectKey, (key) => byKey.has(key)).map((key) => byKey.get(key)!);
}

/** Result of linking cards to one record: every card linked to it now, and whether any link is new. */
export interface Linked {
  cards: CardRef[];
  added: boolean;
}

const cardRef = { select: { id: true, key: true } } as const;

export async function linkRun(tx: Tx, runId: string, cardIds: readonly string[]): Promise<Linked> {
  const added = cardIds.length ? (await tx.cardRun.createMany({ data: cardIds.map((cardId) => ({ cardId, runId })), skipDuplicates: true })).count : 0;
  const rows = await tx.cardRun.findMany({ where: { runId }, select: { card: cardRef } });
  return { cards: rows.map((row) => row.card), added: added > 0 };
}

export async function linkPullRequest(tx: Tx, pullRequestId: string, cardIds: readonly string[]): Promise<Linked> {
  const added = cardIds.length
    ? (await tx.cardPullRequest.createMany({ data: cardIds.map((cardId) => ({ cardId, pullRequestId })), skipDuplicates: true })).count
    : 0;
  const rows = await tx.cardPullRequest.findMany({ where: { pullRequestId }, select: { card: cardRef } });
  return { cards: rows.map((row) => row.card), added: added > 0 };
}

export async function linkDeployment(tx: Tx, deploymentId: string, cardIds: readonly string[]): Promise<Linked> {
  const added = cardIds.length
    ? (await tx.cardDeployment.createMany({ data: cardIds.map((cardId) => ({ cardId, deploymentId })), skipDuplicates: true })).count
    : 0;
  const rows = await tx.cardDeployment.findMany({ where: { deploymentId }, select: { card: cardRef } });
  return { cards: rows.map((row) => row.card), added: added > 0 };
}

/**
 * Cards a deployment inherits: those whose commits include the deployed SHA (from pushes, runs and
 * pull requests), and those of pull requests whose head branch is the deployed ref (preview
 * environments). A long-lived branch name alone ("main") links nothing: every card ever merged
 * there would light up.
 */
export async function inheritedDeploymentCards(tx: Tx, projectId: string, sha: string | null, ref: string | null): Promise<string[]> {
  const [byCommit, byPullRequest] = await Promise.all([
    sha ? tx.cardCommit.findMany({ where: { projectId, sha }, select: { cardId: true } }) : [],
    ref ? tx.cardPullRequest.findMany({ where: { pullRequest: { projectId, headRef: ref } }, select: { cardId: true } }) : [],
  ]);
  return [...new Set([...byCommit, ...byPullRequest].map((row) => row.cardId))];
}

/** Ties commits to cards; returns whether any pair is new. */
export async function recordCommits(tx: Tx, projectId: string, shas: readonly string[], cardIds: readonly string[]): Promise<boolean> {
  if (shas.length === 0 || cardIds.length === 0) return false;
  const data = cardIds.flatMap((cardId) => shas.map((sha) => ({ cardId, sha, projectId })));
  return (await tx.cardCommit.createMany({ data, skipDuplicates: true })).count > 0;
}
