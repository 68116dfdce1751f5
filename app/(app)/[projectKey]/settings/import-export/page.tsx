import type { Metadata } from "next";
import { z } from "zod";
import { ExportButtons } from "@/components/imports/export-buttons";
import { ImportPanel } from "@/components/imports/import-panel";
import { hasRole } from "@/lib/domain/roles";
import { requireProjectRole } from "@/lib/server/authz";
import { importTargets } from "@/lib/server/queries/imports";
import { projectForPage } from "@/lib/server/queries/project-page";
import { MAX_IMPORT_BYTES } from "@/lib/validation/imports";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectKey: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// `run`: an import to follow, as a new project from a file arrives here.
const searchSchema = z.object({ run: z.string().max(64).optional().catch(undefined) });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).projectKey.toUpperCase()} Import and export` };
}

export default async function ImportExportPage({ params, searchParams }: Props) {
  const { projectKey } = await params;
  const { run } = searchSchema.parse(await searchParams);
  const { actor, project } = await projectForPage(projectKey);
  const access = await requireProjectRole(actor, project.key, "VIEWER");
  const canImport = hasRole(access.role, "PRODUCT_OWNER");
  return (
    <div className="flex flex-col gap-8">
      <section className="flex flex-col gap-4" aria-labelledby="import-heading">
        <div className="flex flex-col gap-1">
          <h2 id="import-heading" className="text-lg font-semibold">Import</h2>
          <p className="text-sm text-muted">
            Bring cards in from Trello, Jira, Linear or a Shipboard export, with their column history at its original dates. You see a preview first; nothing is
            written until you run it, and importing the same file again updates what it created.
          </p>
        </div>
        {canImport ? (
          <ImportPanel projectKey={project.key} maxBytes={MAX_IMPORT_BYTES} followRunId={run} {...await importTargets(access)} />
        ) : (
          <p className="rounded-xl border border-border bg-surface p-4 text-sm">
            Only product owners and admins can import into {project.key}. Ask one of them to bring your board in.
          </p>
        )}
      </section>
      <section className="flex flex-col gap-4" aria-labelledby="export-heading">
        <div className="flex flex-col gap-1">
          <h2 id="export-heading" className="text-lg font-semibold">Export</h2>
          <p className="text-sm text-muted">
            The whole project as Shipboard JSON (columns, cards, checklists, sprints, history, comments, pipeline records), which imports back without loss; or the
            cards as CSV with the date each entered every column, for flow-analytics tools.
          </p>
        </div>
        {hasRole(access.role, "MEMBER") ? (
          <ExportButtons projectKey={project.key} />
        ) : (
          <p className="rounded-xl border border-border bg-surface p-4 text-sm">Viewers cannot export; members, product owners and admins can.</p>
        )}
      </section>
    </div>
  );
}
