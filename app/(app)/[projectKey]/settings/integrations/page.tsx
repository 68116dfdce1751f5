import type { Metadata } from "next";
import { z } from "zod";
import { CreateIntegration } from "@/components/pipeline/create-integration";
import { DeliveryLog } from "@/components/pipeline/delivery-log";
import { IntegrationList } from "@/components/pipeline/integration-list";
import { hasRole } from "@/lib/domain/roles";
import { requireProjectRole } from "@/lib/server/authz";
import { listDeliveries, listIntegrations } from "@/lib/server/queries/integrations";
import { pageBaseUrl } from "@/lib/server/public-url";
import { projectForPage } from "@/lib/server/queries/project-page";
import { DELIVERY_STATUSES } from "@/lib/validation/integrations";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Integrations" };

const searchSchema = z.object({
  integration: z.string().max(64).optional().catch(undefined),
  status: z.enum(DELIVERY_STATUSES).optional().catch(undefined),
});

type Props = { params: Promise<{ projectKey: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IntegrationsSettingsPage({ params, searchParams }: Props) {
  const { projectKey } = await params;
  const search = searchSchema.parse(await searchParams);
  const { actor, project } = await projectForPage(projectKey);
  const access = await requireProjectRole(actor, project.key, "VIEWER");
  const heading = (
    <div className="flex flex-col gap-1">
      <h2 className="text-lg font-semibold">CI/CD integrations</h2>
      <p className="text-sm text-muted">
        Connect GitHub, GitLab, CircleCI or any CI. Deliveries that mention a card key ({project.key}-12 in a branch, commit message or pull request title) show
        builds, pull requests and deployments on that card.
      </p>
    </div>
  );
  if (!hasRole(access.role, "ADMIN")) {
    return (
      <div className="flex flex-col gap-4">
        {heading}
        <p className="rounded-xl border border-border bg-surface p-4 text-sm">Only project admins can manage integrations and see their secrets and delivery logs.</p>
      </div>
    );
  }
  const integrations = await listIntegrations(access, await pageBaseUrl());
  const selected = integrations.find((i) => i.id === search.integration) ?? integrations[0] ?? null;
  const log = selected ? await listDeliveries({ ...access, integrationId: selected.id }, { limit: 50, status: search.status }) : null;
  return (
    <div className="flex flex-col gap-6">
      {heading}
      <CreateIntegration projectKey={project.key} />
      <IntegrationList integrations={integrations} projectKey={project.key} selectedId={selected?.id ?? null} />
      {selected && log ? <DeliveryLog integration={selected} deliveries={log.deliveries} rejections={log.rejections} status={search.status ?? null} projectKey={project.key} /> : null}
    </div>
  );
}
