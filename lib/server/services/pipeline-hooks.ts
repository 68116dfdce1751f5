import "server-only";
// Extension point: runs inside the transaction that processed webhook deliveries, after their
// cards were linked. Features that react to CI/CD (Definition of Done items such as "deployed to
// production", automation rules) add their work here; the pipeline layer itself needs nothing.
import type { PipelineStatus } from "@/lib/domain/pipeline/types";
import type { Tx } from "../db";
import { applyAutomation } from "./automation";
import { refreshAutoItems } from "./dod-auto";

/** A record's stored state after the deliveries (an older delivery leaves the newer state). */
export type PipelineChangeRecord =
  | { kind: "run"; id: string; name: string | null; status: PipelineStatus | null; branch: string | null; sha: string | null }
  | { kind: "job"; id: string; runId: string; name: string; stage: string | null; status: PipelineStatus | null }
  | { kind: "deployment"; id: string; environment: string; status: PipelineStatus | null; sha: string | null }
  | { kind: "pullRequest"; id: string; state: "open" | "closed" | "merged"; merged: boolean }
  | { kind: "commits"; shas: string[] };

export interface PipelineChange {
  projectId: string;
  /** Every card linked to the record (not only those the deliveries named). */
  cardIds: string[];
  kind: PipelineChangeRecord["kind"];
  record: PipelineChangeRecord;
}

/**
 * Called once per processed batch of deliveries with every record that changed (each once). A
 * throw rolls the deliveries back and retries them. First the cards' automatic Definition-of-Done
 * items follow the new facts, in one evaluation for all the batch's cards (one query when none
 * has such items, instead of one per record), then each change's automation rules move its
 * cards, in this transaction, so a rule's move sees the items just ticked.
 */
export async function onPipelineChanges(tx: Tx, changes: readonly PipelineChange[]): Promise<void> {
  await refreshAutoItems(tx, [...new Set(changes.flatMap((change) => change.cardIds))]);
  for (const change of changes) await applyAutomation(tx, change);
}
