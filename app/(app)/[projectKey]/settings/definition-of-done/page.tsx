import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DefinitionEditor } from "@/components/dod/definition-editor";
import { hasRole } from "@/lib/domain/roles";
import { requireProjectRole } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { getDefinition } from "@/lib/server/queries/dod";
import { currentActor } from "@/lib/server/session";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectKey: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).projectKey.toUpperCase()} Definition of Done` };
}

export default async function DefinitionOfDonePage({ params }: Props) {
  const [{ projectKey }, actor] = await Promise.all([params, currentActor()]);
  const access = await requireProjectRole(actor, projectKey, "VIEWER").catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  return <DefinitionEditor projectKey={access.projectKey} definition={await getDefinition(access.projectId)} canEdit={hasRole(access.role, "PRODUCT_OWNER")} />;
}
