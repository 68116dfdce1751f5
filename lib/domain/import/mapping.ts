import type { ImportedColumn, StageCategory } from "./model";

/** What the person importing chose: per source column, an existing column or a new one's name and category. */
export interface ImportMapping {
  columns?: Record<string, { columnId?: string; name?: string; category?: StageCategory }>;
  /** Source person name → team member id (`null`: leave unassigned). */
  people?: Record<string, string | null>;
  /** A source checklist's name: its items become the project's Definition of Done criteria. */
  definitionOfDone?: string;
}

/** Names compared without case, spaces or punctuation: "TODO" is "To do". */
const comparable = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

export type ColumnPlan = { sourceId: string; columnId: string; name: string } | { sourceId: string; columnId: null; name: string; category: StageCategory };

/**
 * Where each source column goes. An explicit choice wins; else a column an earlier import of the
 * same source created (`previous`); else an existing column of the same name (ignoring case, spaces and punctuation);
 * else a new column with the proposed name and category. Unknown target ids are reported, not used.
 */
export function planColumns(
  imported: ImportedColumn[],
  existing: Array<{ id: string; name: string; sourceId: string | null }>,
  sourcePrefix: string,
  mapping: ImportMapping = {},
): { plan: ColumnPlan[]; unknownTargets: string[] } {
  const byId = new Map(existing.map((column) => [column.id, column]));
  const bySource = new Map(existing.filter((column) => column.sourceId).map((column) => [column.sourceId!, column]));
  const byName = new Map(existing.map((column) => [comparable(column.name), column]));
  const unknownTargets: string[] = [];
  const plan = imported.map((column): ColumnPlan => {
    const choice = mapping.columns?.[column.sourceId];
    if (choice?.columnId) {
      const target = byId.get(choice.columnId);
      if (target) return { sourceId: column.sourceId, columnId: target.id, name: target.name };
      unknownTargets.push(choice.columnId);
    }
    if (!choice?.name) {
      const match = bySource.get(`${sourcePrefix}${column.sourceId}`) ?? byName.get(comparable(column.name));
      if (match && !choice?.category) return { sourceId: column.sourceId, columnId: match.id, name: match.name };
    }
    return { sourceId: column.sourceId, columnId: null, name: choice?.name ?? column.name, category: choice?.category ?? column.category };
  });
  return { plan, unknownTargets };
}

/** A source person's team member: the mapping's choice, else the one member with that exact name. */
export function matchPerson(name: string | null, members: Array<{ id: string; name: string; email: string }>, mapping: ImportMapping = {}): string | null {
  if (!name) return null;
  if (mapping.people && name in mapping.people) return mapping.people[name] ?? null;
  const wanted = name.trim().toLowerCase();
  const matches = members.filter((member) => member.name.trim().toLowerCase() === wanted || member.email.toLowerCase() === wanted);
  return matches.length === 1 ? matches[0]!.id : null;
}
