import "server-only";
// Card links of pipeline records, set-based for a batch. Links live on the record (CardRun,
// CardPullRequest, CardDeployment), so a later delivery of the same run that names no card still
// reaches the cards an earlier one linked; CardCommit remembers which commits a card's work
// touched, so a later deployment of such a commit links the card too.
import { findCardKeys } from "@/lib/domain/pipeline/card-keys";
import type { Tx } from "../../db";
import { byValues, insertIgnoringConflicts } from "./sql";

export type CardRef = { id: string; key: string };

/**
 * Existing cards of a project among `keys` (candidates from `findCardKeys`), by key. Only the
 * candidate keys are looked up, never the whole project.
 */
export async function existingCards(tx: Tx, projectId: string, keys: readonly string[]): Promise<Map<string, CardRef>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.card.findMany({ where: { projectId, key: { in: [...keys] } }, select: { id: true, key: true } });
  return new Map(rows.map((row) => [row.key, row]));
}

/** The cards `texts` name, in `findCardKeys` order (by number), among `cards` known to exist. */
export function cardsNamed(texts: readonly string[], projectKey: string, cards: ReadonlyMap<string, CardRef>): CardRef[] {
  return findCardKeys(texts, projectKey, (key) => cards.has(key)).map((key) => cards.get(key)!);
}

export type LinkKind = "run" | "pullRequest" | "deployment";
export type Link = { cardId: string; recordId: string };

const cardRef = { select: { id: true, key: true } } as const;

// Per kind: its link table and record column. Adding returns the records that gained a link.
const LINKS: Record<LinkKind, { table: string; column: string; cards(tx: Tx, ids: string[]): Promise<Array<{ recordId: string; card: CardRef }>> }> = {
  run: {
    table: "CardRun",
    column: "runId",
    cards: async (tx, ids) => (await tx.cardRun.findMany({ where: { runId: { in: ids } }, select: { runId: true, card: cardRef } })).map((r) => ({ recordId: r.runId, card: r.card })),
  },
  pullRequest: {
    table: "CardPullRequest",
    column: "pullRequestId",
    cards: async (tx, ids) =>
      (await tx.cardPullRequest.findMany({ where: { pullRequestId: { in: ids } }, select: { pullRequestId: true, card: cardRef } })).map((r) => ({ recordId: r.pullRequestId, card: r.card })),
  },
  deployment: {
    table: "CardDeployment",
    column: "deploymentId",
    cards: async (tx, ids) =>
      (await tx.cardDeployment.findMany({ where: { deploymentId: { in: ids } }, select: { deploymentId: true, card: cardRef } })).map((r) => ({ recordId: r.deploymentId, card: r.card })),
  },
};

/**
 * Adds links (existing ones are kept) and returns every card now linked to each record in
 * `recordIds`, plus the records that gained a link.
 */
export async function link(tx: Tx, kind: LinkKind, links: Link[], recordIds: readonly string[]) {
  const { table, column } = LINKS[kind];
  const rows = links.map((l) => [l.cardId, l.recordId]).sort(byValues);
  const added = rows.length ? await insertIgnoringConflicts<Record<string, string>>(tx, table, ["cardId", column], rows, [column]) : [];
  const gained = new Set(added.map((row) => row[column]!));
  const cards = new Map<string, CardRef[]>(recordIds.map((id) => [id, []]));
  if (recordIds.length) for (const row of await LINKS[kind].cards(tx, [...new Set(recordIds)])) cards.get(row.recordId)!.push(row.card);
  return { cards, gained };
}

/** Ties commits to cards; returns the cards that gained a commit. */
export async function recordCommits(tx: Tx, rows: Array<{ cardId: string; sha: string; projectId: string }>): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const now = new Date();
  const values = rows.map((r) => [r.cardId, r.sha, r.projectId, now]).sort(byValues);
  const added = await insertIgnoringConflicts<{ cardId: string }>(tx, "CardCommit", ["cardId", "sha", "projectId", "at"], values, ["cardId"]);
  return new Set(added.map((row) => row.cardId));
}

/**
 * Cards deployments inherit: those whose commits include the deployed SHA (from pushes, runs and
 * pull requests), and those of pull requests whose head branch is the deployed ref (preview
 * environments). A long-lived branch name alone ("main") links nothing: every card ever merged
 * there would light up. Keyed by `${projectId} ${sha}` and `${projectId} ref:${ref}`.
 */
export async function inheritedCards(tx: Tx, projectIds: string[], shas: string[], refs: string[]): Promise<Map<string, string[]>> {
  const [byCommit, byPullRequest] = await Promise.all([
    shas.length ? tx.cardCommit.findMany({ where: { projectId: { in: projectIds }, sha: { in: shas } }, select: { cardId: true, projectId: true, sha: true } }) : [],
    refs.length
      ? tx.cardPullRequest.findMany({
          where: { pullRequest: { projectId: { in: projectIds }, headRef: { in: refs } } },
          select: { cardId: true, pullRequest: { select: { projectId: true, headRef: true } } },
        })
      : [],
  ]);
  const inherited = new Map<string, string[]>();
  const add = (key: string, cardId: string) => inherited.set(key, [...(inherited.get(key) ?? []), cardId]);
  for (const row of byCommit) add(`${row.projectId} ${row.sha}`, row.cardId);
  for (const row of byPullRequest) add(`${row.pullRequest.projectId} ref:${row.pullRequest.headRef}`, row.cardId);
  return inherited;
}
