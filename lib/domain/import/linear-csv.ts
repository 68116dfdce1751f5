import { readCsv, requireColumns, unescapeFormula } from "./csv";
import { ImportFormatError, clip, isoDate, points, priorityFromName, unique, type ImportedCard, type ImportedProject, type ImportedSprint, type ImportWarning } from "./model";
import { SprintCollector } from "./sprints";
import { StageCollector } from "./stages";

/**
 * Linear workspace CSV export. Descriptions are Markdown already; labels are one cell separated by
 * ", "; cycles become sprints, whose state depends on `now` (the caller's clock). Like any CSV it
 * has no status history: cards keep their created, started and completed dates only.
 */
export interface LinearOptions {
  now: string;
}

function cycleState(start: string | null, end: string | null, now: string): ImportedSprint["state"] {
  if (end && end <= now) return "CLOSED";
  if (start && start <= now) return "ACTIVE";
  return "PLANNED";
}

export function parseLinearCsv(text: string, options: LinearOptions): ImportedProject {
  const table = readCsv(text);
  requireColumns(table, [["Title"], ["Status"]], "Linear CSV");
  if (!table.rows.length) throw new ImportFormatError("NO_ROWS", "The file has a header but no issues.");
  const warnings: ImportWarning[] = [{ code: "NO_HISTORY", message: "A Linear CSV carries no status history: cards get their created and completed dates, not their moves." }];
  const cell = (row: string[], ...names: string[]) => unescapeFormula(table.get(row, ...names));
  const stages = new StageCollector();
  const sprints = new SprintCollector();

  const cards: ImportedCard[] = table.rows.map((row, index) => {
    const status = cell(row, "Status");
    if (!status) throw new ImportFormatError("MISSING_STATUS", `Row ${index + 2} has no status.`);
    stages.see(status, status);
    const cycle = cell(row, "Cycle Number");
    const team = cell(row, "Team");
    let sprintSourceId: string | null = null;
    if (cycle) {
      const startDate = isoDate(cell(row, "Cycle Start"));
      const endDate = isoDate(cell(row, "Cycle End"));
      sprintSourceId = `${team}#${cycle}`;
      sprints.see(sprintSourceId, { name: cell(row, "Cycle Name") || `${team ? `${team} ` : ""}Cycle ${cycle}`, state: cycleState(startDate, endDate, options.now), startDate, endDate, completedAt: null, goal: "" });
    }
    const key = cell(row, "Id", "ID");
    const labels = cell(row, "Labels").split(/,\s*/).map((label) => label.trim()).filter(Boolean);
    return {
      sourceId: key || `row-${index + 2}`,
      sourceKey: key || null,
      title: clip(cell(row, "Title"), 500) || key || "Untitled issue",
      description: cell(row, "Description"),
      type: labels.some((label) => /^bug$/i.test(label)) ? "BUG" : "STORY",
      priority: /no priority/i.test(cell(row, "Priority")) ? "MEDIUM" : priorityFromName(cell(row, "Priority")),
      columnSourceId: status,
      labels: unique(labels),
      assignee: cell(row, "Assignee") || null,
      reporter: cell(row, "Creator") || null,
      estimate: points(cell(row, "Estimate")),
      sprintSourceId,
      pastSprintSourceIds: [],
      parentSourceId: cell(row, "Parent issue", "Parent") || null,
      dueAt: isoDate(cell(row, "Due Date", "Due date")),
      createdAt: isoDate(cell(row, "Created")),
      completedAt: isoDate(cell(row, "Completed")) ?? isoDate(cell(row, "Canceled")),
      archived: !!cell(row, "Archived"),
      checklists: [],
      comments: [],
      events: [],
    };
  });

  return {
    source: "linear-csv",
    name: clip(cell(table.rows[0]!, "Team"), 100) || "Linear workspace",
    columns: stages.columns(),
    cards,
    sprints: sprints.sprints(),
    labels: unique(cards.flatMap((card) => card.labels)).map((name) => ({ name, color: null })),
    people: unique(cards.flatMap((card) => [card.assignee, card.reporter]).filter((name): name is string => !!name)),
    warnings,
  };
}
