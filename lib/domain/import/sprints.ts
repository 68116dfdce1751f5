import { clip, type ImportedSprint } from "./model";

/** Sprints met on issues, one per source id; later sightings fill in what earlier ones lacked. */
export class SprintCollector {
  private readonly byId = new Map<string, ImportedSprint>();

  see(sourceId: string, details: Omit<ImportedSprint, "sourceId">): ImportedSprint {
    const known = this.byId.get(sourceId);
    if (known) {
      known.startDate ??= details.startDate;
      known.endDate ??= details.endDate;
      known.completedAt ??= details.completedAt;
      known.goal ||= details.goal;
      return known;
    }
    const sprint = { sourceId, ...details, name: clip(details.name, 100) || sourceId };
    this.byId.set(sourceId, sprint);
    return sprint;
  }

  sprints(): ImportedSprint[] {
    return [...this.byId.values()].sort(compareSprints);
  }
}

const STATE_ORDER = { CLOSED: 0, ACTIVE: 1, PLANNED: 2 };

/** Closed sprints first, then the active one, then planned ones; each group by start date, then as met. */
export const compareSprints = (a: ImportedSprint, b: ImportedSprint) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || (a.startDate ?? "").localeCompare(b.startDate ?? "");
