import { categoryOrder, clip, proposeCategories, type ImportedColumn, type StageCategory } from "./model";

/** Jira's status category keys and names (English and the REST keys) as column categories. */
export function categoryFromJira(value: string | null | undefined): StageCategory | null {
  const key = (value ?? "").trim().toLowerCase();
  if (!key) return null;
  if (["done", "terminé", "terminée", "listo", "finalizada", "concluído", "erledigt", "fertig"].includes(key)) return "DONE";
  if (["new", "to do", "todo", "à faire", "por hacer", "tareas por hacer", "itens pendentes", "a fazer", "zu erledigen"].includes(key)) return "TODO";
  if (["indeterminate", "in progress", "en cours", "en curso", "em andamento", "in arbeit"].includes(key)) return "IN_PROGRESS";
  return null;
}

/**
 * Collects workflow stages (statuses) met while reading issues and turns them into columns:
 * ordered by category, then by first appearance in chronological history (so a workflow's order
 * survives), then by name; each keeps the category the source gave it, else a proposed one.
 */
export class StageCollector {
  private readonly stages = new Map<string, { name: string; known: StageCategory | null; firstSeen: number }>();
  private seen = 0;

  /** Records a stage; a later call may add the category or the current name. */
  see(sourceId: string, name: string, known: StageCategory | null = null, seenAt = this.seen++): void {
    const stage = this.stages.get(sourceId);
    if (!stage) {
      this.stages.set(sourceId, { name: name || sourceId, known, firstSeen: seenAt });
      return;
    }
    stage.known ??= known;
    stage.firstSeen = Math.min(stage.firstSeen, seenAt);
    if (name && known) stage.name = name;
  }

  columns(): ImportedColumn[] {
    const entries = [...this.stages.entries()].sort((a, b) => a[1].firstSeen - b[1].firstSeen || a[1].name.localeCompare(b[1].name));
    const categories = proposeCategories(entries.map(([, stage]) => ({ name: stage.name, known: stage.known })));
    return entries
      .map(([sourceId, stage], index) => ({ sourceId, name: clip(stage.name, 60), category: categories[index]!, archived: false, order: index }))
      .sort((a, b) => categoryOrder(a.category) - categoryOrder(b.category) || a.order - b.order)
      .map(({ order: _order, ...column }) => column);
  }
}
