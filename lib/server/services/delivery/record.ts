import "server-only";
// What the pipeline deliveries add to a project's delivery history (issue 14): pushes with their
// commits' own times, incidents, and, once deployments or pushes changed, the commits each
// deployment shipped (lib/domain/delivery decides; this records its answer per deployment).
import { randomUUID } from "node:crypto";
import { analyzeDeliveries } from "@/lib/domain/delivery";
import type { IncidentRecord, PushRecord } from "@/lib/domain/pipeline/types";
import type { Tx } from "../../db";
import { byValues, insertIgnoringConflicts } from "../pipeline/sql";
import { deliveryHistory } from "./history";

type Source = { projectId: string; integrationId: string };

/** Stores pushes and their commits; a repeated push or an already known commit changes nothing. */
export async function recordPushes(tx: Tx, pushes: ReadonlyArray<Source & { push: PushRecord; receivedAt: Date }>): Promise<void> {
  if (pushes.length === 0) return;
  const commits = new Map<string, unknown[]>();
  for (const { projectId, push } of pushes) {
    for (const commit of push.commits) commits.set(`${projectId} ${commit.sha}`, [projectId, commit.sha, commit.authoredAt, commit.committedAt]);
  }
  if (commits.size) await insertIgnoringConflicts(tx, "Commit", ["projectId", "sha", "authoredAt", "committedAt"], [...commits.values()].sort(byValues), ["sha"]);
  const rows = pushes.map(({ projectId, integrationId, push, receivedAt }) => [randomUUID(), projectId, integrationId, push.ref, push.after, push.commits.map((commit) => commit.sha), push.at ?? receivedAt.toISOString()]);
  await insertIgnoringConflicts(tx, "Push", ["id", "projectId", "integrationId", "ref", "after", "shas", "at"], rows.sort((a, b) => byValues(a.slice(2), b.slice(2))), ["id"]);
}

/** Creates or updates an incident by its source's id; the latest delivery's state wins. */
export async function recordIncident(tx: Tx, source: Source, incident: IncidentRecord): Promise<{ id: string }> {
  const fields = {
    title: incident.title,
    openedAt: new Date(incident.openedAt),
    resolvedAt: incident.resolvedAt === null ? null : new Date(incident.resolvedAt),
    deploymentSha: incident.deploymentSha,
    cardKey: incident.cardKey,
    url: incident.url,
  };
  return tx.incident.upsert({
    where: { integrationId_externalId: { integrationId: source.integrationId, externalId: incident.externalId } },
    create: { ...source, externalId: incident.externalId, ...fields },
    update: fields,
    select: { id: true },
  });
}

/**
 * Re-reads each project's history and stores what every deployment shipped where it changed: a
 * late push or an out-of-order deployment can change what earlier ones are said to have shipped.
 */
export async function recordShipped(tx: Tx, projectIds: Iterable<string>): Promise<void> {
  for (const projectId of new Set(projectIds)) {
    const [history, stored] = await Promise.all([deliveryHistory(tx, projectId), tx.deployment.findMany({ where: { projectId }, select: { id: true, commits: true } })]);
    const before = new Map(stored.map((row) => [row.id, row.commits.join(" ")]));
    const changed = analyzeDeliveries(history).deployments.filter((deployment) => before.get(deployment.id) !== deployment.commits.join(" "));
    if (changed.length === 0) continue;
    // Arrays cannot go through unnest as rows: a space-joined list per deployment, split back.
    await tx.$executeRaw`
      UPDATE "Deployment" AS d SET commits = COALESCE(string_to_array(NULLIF(v.commits, ''), ' '), '{}')::text[]
      FROM unnest(${changed.map((deployment) => deployment.id)}::text[], ${changed.map((deployment) => deployment.commits.join(" "))}::text[]) AS v(id, commits)
      WHERE d.id = v.id`;
  }
}
