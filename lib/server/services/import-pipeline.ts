import "server-only";
import type { ImportedProject, ImportWarning } from "@/lib/domain/import";
import { Prisma } from "@/lib/generated/prisma/client";
import { encryptSecret, newWebhookSecret } from "../crypto";
import type { Tx } from "../db";

const date = (value: string | null) => (value ? new Date(value) : null);

/**
 * Restores a Shipboard export's CI/CD records and their links to cards. An integration of the same
 * provider, name and repository is reused; a missing one is created with a new secret nobody has
 * seen (a warning says to rotate it before pointing CI at it). Records are upserted on their
 * natural keys, so a re-import updates them. `cardIds`: source card id → card id.
 */
export async function writePipeline(tx: Tx, projectId: string, project: ImportedProject, cardIds: Map<string, string>): Promise<ImportWarning[]> {
  const pipeline = project.pipeline;
  if (!pipeline) return [];
  const warnings: ImportWarning[] = [];
  const integrationIds = new Map<string, string>();
  const existing = await tx.integration.findMany({ where: { projectId }, select: { id: true, provider: true, name: true, repository: true } });
  for (const integration of pipeline.integrations) {
    const same = existing.find((own) => own.provider === integration.provider && own.name === integration.name && own.repository === integration.repository);
    if (same) {
      integrationIds.set(integration.id, same.id);
      continue;
    }
    const created = await tx.integration.create({
      data: {
        projectId,
        provider: integration.provider,
        name: integration.name,
        repository: integration.repository,
        secretEncrypted: encryptSecret(newWebhookSecret()),
        stageRules: (integration.stageRules ?? Prisma.DbNull) as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    integrationIds.set(integration.id, created.id);
    warnings.push({ code: "INTEGRATION_SECRET", message: `The integration “${integration.name}” was restored with a new webhook secret: rotate it in Settings → Integrations and give it to your CI.` });
  }

  const recordIds = new Map<string, string>();
  for (const { id, integrationId, ...pr } of pipeline.pullRequests) {
    const data = { ...pr, sourceAt: date(pr.sourceAt) };
    const saved = await tx.pullRequest.upsert({
      where: { integrationId_number: { integrationId: integrationIds.get(integrationId)!, number: pr.number } },
      create: { projectId, integrationId: integrationIds.get(integrationId)!, ...data },
      update: data,
      select: { id: true },
    });
    recordIds.set(id, saved.id);
  }
  for (const { id, integrationId, jobs, ...run } of pipeline.runs) {
    const data = { ...run, startedAt: date(run.startedAt), completedAt: date(run.completedAt), sourceAt: date(run.sourceAt) };
    const saved = await tx.pipelineRun.upsert({
      where: { integrationId_externalId: { integrationId: integrationIds.get(integrationId)!, externalId: run.externalId } },
      create: { projectId, integrationId: integrationIds.get(integrationId)!, ...data },
      update: data,
      select: { id: true },
    });
    recordIds.set(id, saved.id);
    await tx.pipelineJob.deleteMany({ where: { runId: saved.id } });
    await tx.pipelineJob.createMany({ data: jobs.map((job) => ({ ...job, runId: saved.id, sourceAt: date(job.sourceAt) })) });
  }
  for (const { id, integrationId, ...deployment } of pipeline.deployments) {
    const data = { ...deployment, at: new Date(deployment.at), sourceAt: date(deployment.sourceAt) };
    const saved = await tx.deployment.upsert({
      where: { integrationId_externalId: { integrationId: integrationIds.get(integrationId)!, externalId: deployment.externalId } },
      create: { projectId, integrationId: integrationIds.get(integrationId)!, ...data },
      update: data,
      select: { id: true },
    });
    recordIds.set(id, saved.id);
  }

  const cards = project.cards.filter((card) => card.pipeline).map((card) => ({ cardId: cardIds.get(card.sourceId)!, links: card.pipeline! }));
  const linked = (ids: string[]) => ids.map((id) => recordIds.get(id)).filter((id): id is string => id !== undefined);
  await tx.cardPullRequest.createMany({ data: cards.flatMap(({ cardId, links }) => linked(links.pullRequests).map((pullRequestId) => ({ cardId, pullRequestId }))), skipDuplicates: true });
  await tx.cardRun.createMany({ data: cards.flatMap(({ cardId, links }) => linked(links.runs).map((runId) => ({ cardId, runId }))), skipDuplicates: true });
  await tx.cardDeployment.createMany({ data: cards.flatMap(({ cardId, links }) => linked(links.deployments).map((deploymentId) => ({ cardId, deploymentId }))), skipDuplicates: true });
  await tx.cardCommit.createMany({ data: cards.flatMap(({ cardId, links }) => links.commits.map((commit) => ({ cardId, projectId, sha: commit.sha, at: new Date(commit.at) }))), skipDuplicates: true });
  return warnings;
}
