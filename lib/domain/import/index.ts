import { parseJiraCsv } from "./jira-csv";
import { parseJiraJson } from "./jira-json";
import { parseLinearCsv } from "./linear-csv";
import { ImportFormatError, parseWith, unique, type ImportedProject, type ImportSource, type ParseResult } from "./model";
import { parseShipboard } from "./shipboard";
import { readJsonDocument, unreadableJson } from "./json-stream";
import { parseTrello, trelloReader } from "./trello";

export * from "./model";

export const IMPORT_SOURCES = ["trello", "jira-csv", "jira-json", "linear-csv", "shipboard"] as const satisfies readonly ImportSource[];

export interface ParseOptions {
  /** The caller's clock (Linear cycles are running or over relative to it). */
  now: string;
  includeArchived?: boolean;
}

function json(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw unreadableJson(text);
  }
}

/** Parses a file of the given source into the normalized model; a file of the wrong kind is an error value. */
export function parseImport(source: ImportSource, text: string, options: ParseOptions): ParseResult {
  const parsers: Record<ImportSource, (text: string) => ImportedProject> = {
    trello: (input) => parseTrello(json(input), { includeArchived: options.includeArchived }),
    "jira-json": (input) => parseJiraJson(json(input)),
    shipboard: (input) => parseShipboard(json(input)),
    "jira-csv": (input) => {
      if (/^\s*[[{]/.test(input)) throw new ImportFormatError("WRONG_KIND", "This file is JSON, not CSV: pick the JSON source that exported it.");
      return parseJiraCsv(input);
    },
    "linear-csv": (input) => {
      if (/^\s*[[{]/.test(input)) throw new ImportFormatError("WRONG_KIND", "This file is JSON, not CSV: pick the JSON source that exported it.");
      return parseLinearCsv(input, options);
    },
  };
  return parseWith(parsers[source], text);
}

/**
 * Like `parseImport`, from the file's text in chunks. A Trello board (the large exports: up to
 * hundreds of thousands of actions) is read element by element and never held whole, as text or
 * as a parsed tree; the other sources are read whole.
 */
export async function parseImportStream(source: ImportSource, chunks: AsyncIterable<string>, options: ParseOptions): Promise<ParseResult> {
  if (source !== "trello") {
    let text = "";
    for await (const chunk of chunks) text += chunk;
    return parseImport(source, text, options);
  }
  const reader = trelloReader({ includeArchived: options.includeArchived });
  try {
    await readJsonDocument(chunks, reader);
  } catch (error) {
    if (error instanceof ImportFormatError) return { ok: false, errors: [{ code: error.code, message: error.message }] };
    throw error;
  }
  return parseWith(() => reader.finish(), null);
}

export interface ImportPreview {
  name: string;
  counts: { cards: number; columns: number; sprints: number; events: number; moves: number; comments: number; checklistItems: number; labels: number };
  columns: Array<{ sourceId: string; name: string; category: string; cards: number }>;
  people: string[];
  /** The cards' checklists by name, any of which can become the project's Definition of Done. */
  checklists: Array<{ name: string; items: number; cards: number }>;
  warnings: Array<{ code: string; message: string }>;
}

/** What an import would create, for the dry run. */
export function previewOf(project: ImportedProject): ImportPreview {
  const events = project.cards.flatMap((card) => card.events);
  return {
    name: project.name,
    counts: {
      cards: project.cards.length,
      columns: project.columns.length,
      sprints: project.sprints.length,
      events: events.length,
      moves: events.filter((event) => event.type === "MOVED").length,
      comments: project.cards.reduce((sum, card) => sum + card.comments.length, 0),
      checklistItems: project.cards.reduce((sum, card) => sum + card.checklists.reduce((items, list) => items + list.items.length, 0), 0),
      labels: project.labels.length,
    },
    columns: project.columns.map((column) => ({ ...column, cards: project.cards.filter((card) => card.columnSourceId === column.sourceId).length })),
    people: project.people,
    checklists: checklistsOf(project),
    warnings: project.warnings,
  };
}

/** Checklists by name, in the order they first appear: how many distinct items, how many cards carry one. */
function checklistsOf(project: ImportedProject): ImportPreview["checklists"] {
  const byName = new Map<string, { texts: Set<string>; cards: Set<string> }>();
  for (const card of project.cards) {
    for (const checklist of card.checklists) {
      const entry = byName.get(checklist.name) ?? byName.set(checklist.name, { texts: new Set(), cards: new Set() }).get(checklist.name)!;
      entry.cards.add(card.sourceId);
      for (const item of checklist.items) if (item.text.trim()) entry.texts.add(item.text.trim());
    }
  }
  return [...byName].map(([name, entry]) => ({ name, items: entry.texts.size, cards: entry.cards.size }));
}

/**
 * The Definition of Done a named checklist proposes: every item text the cards' copies of it hold,
 * in the order first seen and without repeats. Empty when no card has it.
 */
export function definitionFromChecklist(project: ImportedProject, name: string): string[] {
  const texts = project.cards.flatMap((card) => card.checklists.filter((checklist) => checklist.name === name).flatMap((checklist) => checklist.items.map((item) => item.text.trim())));
  return unique(texts.filter(Boolean));
}
