import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AutomationEditor } from "@/components/dod/automation-editor";
import { hasRole } from "@/lib/domain/roles";
import { requireProjectRole } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { automationSettings } from "@/lib/server/queries/dod";
import { currentActor } from "@/lib/server/session";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectKey: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).projectKey.toUpperCase()} automation` };
}

export default async function AutomationPage({ params }: Props) {
  const [{ projectKey }, actor] = await Promise.all([params, currentActor()]);
  const access = await requireProjectRole(actor, projectKey, "VIEWER").catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const { rules, columns } = await automationSettings(access.projectId);
  return <AutomationEditor projectKey={access.projectKey} rules={rules} columns={columns} canEdit={hasRole(access.role, "PRODUCT_OWNER")} />;
}
