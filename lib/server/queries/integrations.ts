import "server-only";
// CI/CD integrations of a project and their delivery logs. Secrets are never read here.
import type { TeamRole } from "@/lib/domain/roles";
import type { Provider } from "@/lib/domain/pipeline/types";
import type { DeliveriesQuery } from "@/lib/validation/integrations";
import type { Actor } from "../authenticate";
import { requireProjectIdRole, type ProjectAccess } from "../authz";
import { db } from "../db";
import { notFound } from "../errors";

export type IntegrationAccess = ProjectAccess & { integrationId: string };

/** The caller's access to an integration's project; another team's integration is "not found". */
export async function requireIntegrationRole(actor: Actor, integrationId: string, minRole: TeamRole): Promise<IntegrationAccess> {
  const integration = await db.integration.findUnique({ where: { id: integrationId }, select: { projectId: true } });
  if (!integration) throw notFound("Integration");
  return { ...(await requireProjectIdRole(actor, integration.projectId, minRole, "Integration")), integrationId };
}

export type DeliveryAccess = IntegrationAccess & { deliveryId: string };

export async function requireDeliveryRole(actor: Actor, deliveryId: string, minRole: TeamRole): Promise<DeliveryAccess> {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { integration: { select: { id: true, projectId: true } } } });
  if (!delivery) throw notFound("Delivery");
  const access = await requireProjectIdRole(actor, delivery.integration.projectId, minRole, "Delivery");
  return { ...access, integrationId: delivery.integration.id, deliveryId };
}

/** Where a provider sends deliveries; `baseUrl` comes from lib/server/public-url. */
export function webhookUrl(baseUrl: string, provider: string, integrationId: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/api/webhooks/${provider}/${integrationId}`;
}

export async function listIntegrations(access: ProjectAccess, baseUrl: string) {
  const integrations = await db.integration.findMany({
    where: { projectId: access.projectId },
    orderBy: { createdAt: "asc" },
    select: { id: true, provider: true, name: true, repository: true, stageRules: true, createdAt: true },
  });
  // One indexed lookup per integration (a project has a handful), not a scan of the whole log.
  const last = await Promise.all(
    integrations.map((integration) =>
      db.webhookDelivery.findFirst({
        where: { integrationId: integration.id },
        orderBy: { receivedAt: "desc" },
        select: { status: true, receivedAt: true },
      }),
    ),
  );
  return integrations.map((integration, index) => ({
    id: integration.id,
    provider: integration.provider as Provider,
    name: integration.name,
    repository: integration.repository,
    stageRules: integration.stageRules,
    webhookUrl: webhookUrl(baseUrl, integration.provider, integration.id),
    createdAt: integration.createdAt.toISOString(),
    lastDelivery: last[index] ? { status: last[index].status, receivedAt: last[index].receivedAt.toISOString() } : null,
  }));
}
export type IntegrationSummary = Awaited<ReturnType<typeof listIntegrations>>[number];

const deliverySelect = {
  id: true,
  event: true,
  deliveryKey: true,
  status: true,
  attempts: true,
  lastError: true,
  result: true,
  receivedAt: true,
  processedAt: true,
} as const;

type DeliveryRow = { id: string; event: string; deliveryKey: string | null; status: string; attempts: number; lastError: string | null; result: unknown; receivedAt: Date; processedAt: Date | null };

function deliveryDto(row: DeliveryRow) {
  return { ...row, receivedAt: row.receivedAt.toISOString(), processedAt: row.processedAt?.toISOString() ?? null };
}
export type DeliveryDto = ReturnType<typeof deliveryDto>;

/** Newest first; `cursor` is the id of the previous page's last delivery. */
export async function listDeliveries(access: IntegrationAccess, query: DeliveriesQuery) {
  const rows = await db.webhookDelivery.findMany({
    where: { integrationId: access.integrationId, ...(query.status && { status: query.status }) },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    ...(query.cursor && { cursor: { id: query.cursor }, skip: 1 }),
    take: query.limit + 1,
    select: deliverySelect,
  });
  const page = rows.slice(0, query.limit);
  return { deliveries: page.map(deliveryDto), nextCursor: rows.length > query.limit ? page.at(-1)!.id : null, rejections: await listRejections(access) };
}

export type Refusal = { at: string; event: string; address: string | null };

/** Refused deliveries of the integration by reason: how many, when the last came, and the last few. */
async function listRejections(access: IntegrationAccess) {
  const rows = await db.webhookRejection.findMany({ where: { integrationId: access.integrationId }, orderBy: { lastAt: "desc" }, select: { reason: true, count: true, lastAt: true, recent: true } });
  return rows.map((row) => ({ reason: row.reason, count: row.count, lastAt: row.lastAt.toISOString(), recent: row.recent as Refusal[] }));
}
export type RejectionSummary = Awaited<ReturnType<typeof listRejections>>[number];

/** One delivery with what was received: headers (secrets redacted) and the raw body. */
export async function getDelivery(access: DeliveryAccess) {
  const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: access.deliveryId }, select: { ...deliverySelect, headers: true, body: true } });
  return { ...deliveryDto(row), headers: (row.headers ?? {}) as Record<string, string>, body: row.body };
}
export type DeliveryDetail = Awaited<ReturnType<typeof getDelivery>>;
