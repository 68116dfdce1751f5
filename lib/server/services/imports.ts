import "server-only";
import { clip, parseImportStream, previewOf, type ImportedProject, type ImportPreview, type ImportSource } from "@/lib/domain/import";
import { matchPerson, planColumns, type ColumnPlan, type ImportMapping } from "@/lib/domain/import/mapping";
import type { Actor } from "../authenticate";
import { requireProjectIdRole, requireTeamRole, type ProjectAccess } from "../authz";
import type { CreateProjectInput } from "@/lib/validation/projects";
import { MAX_IMPORT_BYTES } from "@/lib/validation/imports";
import { db, refreshPlannerStatistics } from "../db";
import { logger } from "../logger";
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
/** Storing a queued run's file (up to 100 MB) piece by piece, with the run, in one transaction. */
const QUEUE_TX_OPTIONS = { maxWait: 30_000, timeout: 5 * 60_000 };
/** Characters per stored piece of a queued file (ImportFileChunk). */
const PIECE = 1 << 20;

export interface ImportRequest {
  source: ImportSource;
  /** The file: an upload spooled to disk (read as a stream), or its text. */
  file: Blob | string;
  fileName?: string;
  dryRun: boolean;
  mapping?: ImportMapping;
  includeArchived?: boolean;
}

export type ImportPlanPreview = ImportPreview & {
  plan: ColumnPlan[];
  assignees: Array<{ name: string; userId: string | null }>;
};

/** The file's text in pieces of about a million characters, never all at once. */
async function* piecesOf(file: Blob): AsyncGenerator<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  let piece = "";
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    piece += next.value;
    if (piece.length >= PIECE) {
      yield piece;
      piece = "";
    }
  }
  if (piece) yield piece;
}

/** A queued run's stored file, a piece at a time. */
async function* storedFile(runId: string): AsyncGenerator<string> {
  for (let seq = 0; ; seq++) {
    const piece = await db.importFileChunk.findUnique({ where: { runId_seq: { runId, seq } }, select: { text: true } });
    if (!piece) return;
    yield piece.text;
  }
}

async function parseOrRefuse(source: ImportSource, text: AsyncIterable<string>, options: { includeArchived?: boolean }, now: Date): Promise<ImportedProject> {
  const parsed = await parseImportStream(source, text, { now: now.toISOString(), includeArchived: options.includeArchived });
  if (!parsed.ok) throw unprocessable("IMPORT_UNREADABLE", parsed.errors[0]!.message, parsed.errors);
  if (!parsed.project.cards.length && !parsed.project.columns.length) throw unprocessable("IMPORT_EMPTY", "The file holds no columns and no cards.");
  return parsed.project;
}

/** Reads an uploaded file, refusing (422) one over the limit or one that cannot be read. */
async function readUpload(request: Omit<ImportRequest, "dryRun">, now: Date): Promise<{ file: Blob; project: ImportedProject }> {
  const file = typeof request.file === "string" ? new Blob([request.file]) : request.file;
  if (file.size > MAX_IMPORT_BYTES) throw unprocessable("FILE_TOO_LARGE", `The file is over the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit.`);
  return { file, project: await parseOrRefuse(request.source, piecesOf(file), request, now) };
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
  const { file, project } = await readUpload(request, now);
  return queueImport(access, actorId, request, file, project, now);
}

async function queueImport(access: ProjectAccess, actorId: string, request: ImportRequest, file: Blob, project: ImportedProject, now: Date) {
  const mapping = request.mapping ?? {};
  const preview = await planPreview(access, project, mapping);
  const run = await db.$transaction(async (tx) => {
    const run = await tx.importRun.create({
      data: {
        projectId: access.projectId,
        source: request.source,
        status: request.dryRun ? "SUCCEEDED" : "QUEUED",
        dryRun: request.dryRun,
        total: project.cards.length,
        fileName: request.fileName ?? null,
        mapping: { ...mapping, includeArchived: request.includeArchived ?? false } as object,
        preview: preview as object,
        warnings: project.warnings as object,
        createdById: actorId,
        finishedAt: request.dryRun ? now : null,
      },
      select: { id: true, status: true },
    });
    if (!request.dryRun) {
      let seq = 0;
      for await (const text of piecesOf(file)) await tx.importFileChunk.create({ data: { runId: run.id, seq: seq++, text }, select: { seq: true } });
    }
    return run;
  }, QUEUE_TX_OPTIONS);
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
  const { file, project } = await readUpload(request, now);
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
  return { project: created, import: await queueImport(access, actor.userId, { ...request, dryRun: false }, file, project, now) };
}

/**
 * Writes a queued run in one transaction with the run's own status, so the project never shows a
 * half import as done: either every card and "succeeded" commit, or nothing and the run fails.
 */
export async function runImport(runId: string, now = new Date()): Promise<void> {
  const run = await db.importRun.findUnique({ where: { id: runId }, include: { project: { select: { key: true, teamId: true } } } });
  if (!run || run.status === "SUCCEEDED" || run.status === "FAILED") return;
  const stored = (run.mapping ?? {}) as ImportMapping & { includeArchived?: boolean };
  try {
    // The file (up to 100 MB) is read a piece at a time into the parser, never whole.
    const project = await parseOrRefuse(run.source as ImportSource, storedFile(runId), stored, now);
    await db.$transaction(async (tx) => {
      const target = { projectId: run.projectId, projectKey: run.project.key, teamId: run.project.teamId };
      const summary: ImportSummary = await writeImport(tx, target, project, stored, run.createdById, now, (fraction) => liveProgress.set(runId, fraction));
      await tx.importRun.update({
        where: { id: runId },
        data: { status: "SUCCEEDED", progress: project.cards.length, summary: summary as object, warnings: summary.warnings as object, finishedAt: new Date() },
      });
      await tx.importFileChunk.deleteMany({ where: { runId } });
    }, IMPORT_TX_OPTIONS);
    await refreshPlannerStatistics(["Card", "CardEvent", "CardColumnEntry", "ColumnDayFlow", "CardComment", "ChecklistItem"]).catch((error) =>
      logger.warn({ err: error, importId: runId }, "could not refresh planner statistics after an import"),
    );
  } catch (error) {
    const message = (error as { message?: string }).message ?? "The import failed.";
    await db.$transaction([
      db.importRun.update({ where: { id: runId }, data: { status: "FAILED", error: message.slice(0, 2000), finishedAt: new Date() } }),
      db.importFileChunk.deleteMany({ where: { runId } }),
    ]);
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
