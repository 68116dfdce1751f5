import "server-only";
import { clip, parseImport, previewOf, type ImportedProject, type ImportPreview, type ImportSource } from "@/lib/domain/import";
import { matchPerson, planColumns, type ColumnPlan, type ImportMapping } from "@/lib/domain/import/mapping";
import type { Actor } from "../authenticate";
import { requireProjectIdRole, requireTeamRole, type ProjectAccess } from "../authz";
import type { CreateProjectInput } from "@/lib/validation/projects";
import { MAX_IMPORT_BYTES } from "@/lib/validation/imports";
import { db } from "../db";
import { notFound, unprocessable } from "../errors";
import { writeImport, type ImportSummary } from "./import-writer";
import { createProject } from "./projects";

/**
 * How far running imports have written, in this process. The write is one transaction, so its
 * rows are invisible to other connections until it commits; the worker reports here instead.
 * (Another app instance answers 0 until the run finishes.)
 */
const LIVE_KEY = Symbol.for("shipboard.importProgress");
const liveProgress = ((globalThis as typeof globalThis & { [LIVE_KEY]?: Map<string, number> })[LIVE_KEY] ??= new Map<string, number>());

/** A whole large board is written in one transaction: all or nothing. */
const IMPORT_TX_OPTIONS = { maxWait: 30_000, timeout: 15 * 60_000 };

export interface ImportRequest {
  source: ImportSource;
  text: string;
  fileName?: string;
  dryRun: boolean;
  mapping?: ImportMapping;
  includeArchived?: boolean;
}

export type ImportPlanPreview = ImportPreview & {
  plan: ColumnPlan[];
  assignees: Array<{ name: string; userId: string | null }>;
};

function parseOrRefuse(request: ImportRequest, now: Date): ImportedProject {
  if (Buffer.byteLength(request.text) > MAX_IMPORT_BYTES) throw unprocessable("FILE_TOO_LARGE", `The file is over the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit.`);
  const parsed = parseImport(request.source, request.text, { now: now.toISOString(), includeArchived: request.includeArchived });
  if (!parsed.ok) throw unprocessable("IMPORT_UNREADABLE", parsed.errors[0]!.message, parsed.errors);
  if (!parsed.project.cards.length && !parsed.project.columns.length) throw unprocessable("IMPORT_EMPTY", "The file holds no columns and no cards.");
  return parsed.project;
}

/** A Definition of Done chosen by name must be a checklist the file has. */
function refuseUnknownChecklist(preview: ImportPreview, mapping: ImportMapping) {
  if (mapping.definitionOfDone && !preview.checklists.some((checklist) => checklist.name === mapping.definitionOfDone)) {
    throw unprocessable("UNKNOWN_CHECKLIST", `No card of this file has a checklist named “${mapping.definitionOfDone}”.`);
  }
}

/** The dry run: counts, where each column goes (editable), who each person becomes, warnings. */
async function planPreview(access: ProjectAccess, project: ImportedProject, mapping: ImportMapping): Promise<ImportPlanPreview> {
  const [columns, members] = await Promise.all([
    db.column.findMany({ where: { projectId: access.projectId }, orderBy: { rank: "asc" }, select: { id: true, name: true, sourceId: true } }),
    db.membership.findMany({ where: { teamId: access.teamId }, select: { user: { select: { id: true, name: true, email: true } } } }),
  ]);
  const { plan, unknownTargets } = planColumns(project.columns, columns, `${project.source}:`, mapping);
  if (unknownTargets.length) throw unprocessable("UNKNOWN_COLUMN", `Column ${unknownTargets[0]} is not a column of this project.`, unknownTargets);
  const people = members.map((member) => member.user);
  const assignees = project.people.map((name) => ({ name, userId: matchPerson(name, people, mapping) }));
  const preview = previewOf(project);
  refuseUnknownChecklist(preview, mapping);
  return { ...preview, plan, assignees };
}

/**
 * Starts an import. A file that cannot be read is refused (422) before anything is stored. A dry
 * run stores only its preview; otherwise the run is queued with its file and `runImport` (the
 * background worker) writes it.
 */
export async function createImport(access: ProjectAccess, actorId: string, request: ImportRequest, now = new Date()) {
  return queueImport(access, actorId, request, parseOrRefuse(request, now), now);
}

async function queueImport(access: ProjectAccess, actorId: string, request: ImportRequest, project: ImportedProject, now: Date) {
  const mapping = request.mapping ?? {};
  const preview = await planPreview(access, project, mapping);
  const run = await db.importRun.create({
    data: {
      projectId: access.projectId,
      source: request.source,
      status: request.dryRun ? "SUCCEEDED" : "QUEUED",
      dryRun: request.dryRun,
      total: project.cards.length,
      fileName: request.fileName ?? null,
      file: request.dryRun ? null : request.text,
      mapping: { ...mapping, includeArchived: request.includeArchived ?? false } as object,
      preview: preview as object,
      warnings: project.warnings as object,
      createdById: actorId,
      finishedAt: request.dryRun ? now : null,
    },
    select: { id: true, status: true },
  });
  return { id: run.id, status: run.status.toLowerCase(), ...(request.dryRun && { preview }) };
}

/**
 * "New project from a Trello board": the file is read first (an unreadable one is a 422 and no
 * project is made), then the project is created with the file's columns (remembering their source
 * ids, so the import lands in them) and the import is queued. Should the run fail, the project
 * keeps those columns and no card.
 */
export async function createProjectFromImport(actor: Actor, input: Omit<CreateProjectInput, "import">, request: Omit<ImportRequest, "dryRun">, now = new Date()) {
  await requireTeamRole(actor, input.teamId, "PRODUCT_OWNER");
  const project = parseOrRefuse({ ...request, dryRun: false }, now);
  refuseUnknownChecklist(previewOf(project), request.mapping ?? {});
  const columns = project.columns.map((column) => ({
    name: clip(column.name, 60),
    category: column.category,
    wipLimit: column.wipLimit ?? null,
    policy: column.policy ?? "",
    sourceId: `${project.source}:${column.sourceId}`,
  }));
  const created = await createProject(actor, input, columns);
  const access = await requireProjectIdRole(actor, created.id, "PRODUCT_OWNER");
  return { project: created, import: await queueImport(access, actor.userId, { ...request, dryRun: false }, project, now) };
}

/**
 * Writes a queued run in one transaction with the run's own status, so the project never shows a
 * half import as done: either every card and "succeeded" commit, or nothing and the run fails.
 */
export async function runImport(runId: string, now = new Date()): Promise<void> {
  // The file (up to 100 MB) is read apart and only into the parser, so it is garbage once parsed.
  const run = await db.importRun.findUnique({ where: { id: runId }, omit: { file: true }, include: { project: { select: { key: true, teamId: true } } } });
  if (!run || run.status === "SUCCEEDED" || run.status === "FAILED") return;
  const stored = (run.mapping ?? {}) as ImportMapping & { includeArchived?: boolean };
  const parse = async () => {
    const { file } = await db.importRun.findUniqueOrThrow({ where: { id: runId }, select: { file: true } });
    return file === null ? null : parseOrRefuse({ source: run.source as ImportSource, text: file, dryRun: false, includeArchived: stored.includeArchived }, now);
  };
  try {
    const project = await parse();
    if (!project) return;
    await db.$transaction(async (tx) => {
      const target = { projectId: run.projectId, projectKey: run.project.key, teamId: run.project.teamId };
      const summary: ImportSummary = await writeImport(tx, target, project, stored, run.createdById, now, (fraction) => liveProgress.set(runId, fraction));
      await tx.importRun.update({
        where: { id: runId },
        data: { status: "SUCCEEDED", progress: project.cards.length, summary: summary as object, warnings: summary.warnings as object, file: null, finishedAt: new Date() },
      });
    }, IMPORT_TX_OPTIONS);
  } catch (error) {
    const message = (error as { message?: string }).message ?? "The import failed.";
    await db.importRun.update({ where: { id: runId }, data: { status: "FAILED", error: message.slice(0, 2000), file: null, finishedAt: new Date() } });
    if (!(error as { code?: string }).code) throw error;
  } finally {
    liveProgress.delete(runId);
  }
}

/** An import, for product owners and admins of its project's team; others get 404. */
export async function getImport(actor: Actor, importId: string) {
  const run = await db.importRun.findUnique({ where: { id: importId } });
  if (!run) throw notFound("Import");
  await requireProjectIdRole(actor, run.projectId, "PRODUCT_OWNER", "Import");
  return importDto(run);
}

export function importDto(run: { id: string; status: string; source: string; dryRun: boolean; progress: number; total: number; preview: unknown; summary: unknown; warnings: unknown; error: string | null; createdAt: Date; finishedAt: Date | null }) {
  return {
    id: run.id,
    source: run.source,
    status: run.status.toLowerCase(),
    dryRun: run.dryRun,
    progress: run.status === "RUNNING" && liveProgress.has(run.id) ? Math.min(99, Math.floor(liveProgress.get(run.id)! * 100)) : run.total ? Math.round((run.progress / run.total) * 100) : run.status === "SUCCEEDED" ? 100 : 0,
    summary: run.summary ?? null,
    warnings: run.warnings ?? [],
    error: run.error,
    ...(run.dryRun && { preview: run.preview }),
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
