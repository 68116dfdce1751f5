import { CsvTable, readCsv, requireColumns } from "./csv";
import { jiraToMarkdown } from "./jira-markup";
import { ImportFormatError, clip, isoDate, points, priorityFromName, typeFromName, unique, type ImportedCard, type ImportedProject, type ImportWarning } from "./model";
import { SprintCollector, compareSprints } from "./sprints";
import { StageCollector, categoryFromJira } from "./stages";

/**
 * Jira "Export CSV (all fields)". Multi-value fields are repeated columns (Labels, Sprint,
 * Comment); the last Sprint is the current one, earlier ones are closed. A CSV has no status
 * history, so cards get their created and resolved dates but no moves. Headers exported in another
 * language are read for the core columns, with a warning.
 */

const MONTHS: Record<string, number> = {};
[
  ["jan", "janv", "ene", "gen", "janeiro"],
  ["feb", "févr", "fevr", "fev", "fév"],
  ["mar", "mars", "mär", "mrz", "märz"],
  ["apr", "avr", "abr"],
  ["may", "mai", "mag", "mei"],
  ["jun", "juin", "giu"],
  ["jul", "juil", "lug"],
  ["aug", "août", "aout", "ago"],
  ["sep", "sept", "set"],
  ["oct", "okt", "out", "ott"],
  ["nov"],
  ["dec", "déc", "dic", "dez"],
].forEach((names, month) => names.forEach((name) => (MONTHS[name] = month)));

/**
 * A Jira CSV date: `dd/Mon/yy h:mm AM` with the month in the exporter's language (`nov`, `févr.`),
 * or 24-hour time, or ISO. CSV dates carry no zone: they are read as UTC.
 */
export function jiraCsvDate(value: string): string | null {
  const match = /^(\d{1,2})[/.\- ]([^/.\- \d]+)\.?[/.\- ](\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?\s*m?\.?$/i.exec(value.trim());
  if (!match) return isoDate(value);
  const [, day, monthName, yearText, hourText, minute, second, meridiem] = match;
  const month = MONTHS[monthName!.toLowerCase().replace(/\.$/, "")] ?? MONTHS[monthName!.toLowerCase().slice(0, 3)];
  if (month === undefined) return null;
  const year = yearText!.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  let hour = Number(hourText) % (meridiem ? 12 : 24);
  if (meridiem?.toLowerCase() === "p") hour += 12;
  const time = Date.UTC(year, month, Number(day), hour, Number(minute), Number(second ?? 0));
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Core headers in the languages Jira exports most, each mapped to its English name. */
const LOCALIZED: Record<string, { language: string; headers: Record<string, string> }> = {
  resumen: { language: "Spanish", headers: { resumen: "Summary", "clave de incidencia": "Issue key", "id de la incidencia": "Issue id", "tipo de incidencia": "Issue Type", estado: "Status", prioridad: "Priority", responsable: "Assignee", informador: "Reporter", etiquetas: "Labels", creada: "Created", resuelta: "Resolved", descripción: "Description", comentar: "Comment", comentario: "Comment" } },
  résumé: { language: "French", headers: { résumé: "Summary", "clé de ticket": "Issue key", "id de ticket": "Issue id", "type de ticket": "Issue Type", état: "Status", priorité: "Priority", responsable: "Assignee", rapporteur: "Reporter", étiquettes: "Labels", création: "Created", résolue: "Resolved", description: "Description", commentaire: "Comment" } },
  resumo: { language: "Portuguese", headers: { resumo: "Summary", "chave da item": "Issue key", "chave do item": "Issue key", "id da item": "Issue id", "tipo de item": "Issue Type", status: "Status", prioridade: "Priority", responsável: "Assignee", relator: "Reporter", rótulos: "Labels", criado: "Created", resolvido: "Resolved", descrição: "Description", comentário: "Comment" } },
  zusammenfassung: { language: "German", headers: { zusammenfassung: "Summary", schlüssel: "Issue key", vorgangstyp: "Issue Type", status: "Status", priorität: "Priority", bearbeiter: "Assignee", autor: "Reporter", stichwörter: "Labels", erstellt: "Created", erledigt: "Resolved", beschreibung: "Description", kommentar: "Comment" } },
};

function translateHeader(table: CsvTable, warnings: ImportWarning[]): CsvTable {
  if (table.has("Summary")) return table;
  const locale = table.header.map((name) => LOCALIZED[name.trim().toLowerCase()]).find(Boolean);
  if (!locale) return table;
  warnings.push({ code: "HEADER_LANGUAGE", message: `The header is in ${locale.language}: its core columns were read; for every field, export with Jira set to English.` });
  return new CsvTable(table.header.map((name) => locale.headers[name.trim().toLowerCase()] ?? name), table.rows);
}

export function parseJiraCsv(text: string): ImportedProject {
  const warnings: ImportWarning[] = [];
  const table = translateHeader(readCsv(text), warnings);
  requireColumns(table, [["Summary"], ["Issue key", "Issue id"], ["Status"]], "Jira CSV");
  if (!table.rows.length) throw new ImportFormatError("NO_ROWS", "The file has a header but no issues.");
  warnings.push({ code: "NO_HISTORY", message: "A Jira CSV carries no status history: cards get their created and resolved dates, not their moves. Import Jira JSON with the changelog for history." });

  // Account ids in comments resolve to names through the person columns of the same file.
  const names = new Map<string, string>();
  for (const row of table.rows) {
    for (const role of ["Assignee", "Reporter", "Creator"]) {
      const accountId = table.get(row, `${role} Id`);
      const name = table.get(row, role);
      if (accountId && name) names.set(accountId, name);
    }
  }
  const idByKey = new Map(table.rows.map((row) => [table.get(row, "Issue key"), table.get(row, "Issue id") || table.get(row, "Issue key")]));
  const stages = new StageCollector();
  const sprints = new SprintCollector();
  const pastSprints = new Set<string>();
  let undated = 0;

  const cards: ImportedCard[] = table.rows.map((row, index) => {
    const key = table.get(row, "Issue key");
    const status = table.get(row, "Status");
    if (!status) throw new ImportFormatError("MISSING_STATUS", `Row ${index + 2} (${key || "no key"}) has no status.`);
    stages.see(status, status, categoryFromJira(table.get(row, "Status Category")));
    const sprintNames = table.all(row, "Sprint");
    sprintNames.forEach((name) => sprints.see(name, { name, state: "PLANNED", startDate: null, endDate: null, completedAt: null, goal: "" }));
    sprintNames.slice(0, -1).forEach((name) => pastSprints.add(name));
    const comments = table.all(row, "Comment").map((cell) => {
      const [when = "", author = "", ...body] = cell.split(";");
      const at = jiraCsvDate(when);
      return at ? { sourceId: null, author: names.get(author) ?? (author || null), at, body: jiraToMarkdown(body.join(";")) } : { sourceId: null, author: null, at: null, body: jiraToMarkdown(cell) };
    });
    const createdAt = jiraCsvDate(table.get(row, "Created"));
    if (!createdAt) undated++;
    const parentKey = table.get(row, "Parent key", "Custom field (Epic Link)");
    const parentId = table.get(row, "Parent");
    return {
      sourceId: table.get(row, "Issue id") || key,
      sourceKey: key || null,
      title: clip(table.get(row, "Summary"), 500) || key || "Untitled issue",
      description: jiraToMarkdown(table.get(row, "Description")),
      type: typeFromName(table.get(row, "Issue Type")),
      priority: priorityFromName(table.get(row, "Priority")),
      columnSourceId: status,
      labels: unique(table.all(row, "Labels")),
      assignee: table.get(row, "Assignee") || null,
      reporter: table.get(row, "Reporter") || null,
      estimate: points(table.get(row, "Custom field (Story Points)", "Custom field (Story point estimate)")),
      sprintSourceId: sprintNames.at(-1) ?? null,
      pastSprintSourceIds: sprintNames.slice(0, -1),
      parentSourceId: (/^\d+$/.test(parentId) ? parentId : "") || (parentKey ? (idByKey.get(parentKey) ?? parentKey) : null),
      dueAt: jiraCsvDate(table.get(row, "Due date")),
      createdAt,
      completedAt: jiraCsvDate(table.get(row, "Resolved")),
      archived: false,
      checklists: [],
      comments,
      events: [],
    };
  });
  if (undated) warnings.push({ code: "UNREADABLE_DATES", message: `${undated} issue(s) have no readable Created date.` });

  // A sprint seen before another on any issue is over; of the rest, the first met is taken as running.
  const collected = sprints.sprints();
  const open = collected.filter((sprint) => !pastSprints.has(sprint.sourceId));
  for (const sprint of collected) sprint.state = pastSprints.has(sprint.sourceId) ? "CLOSED" : sprint === open[0] ? "ACTIVE" : "PLANNED";
  if (open.length > 1) warnings.push({ code: "SPRINT_STATES_GUESSED", message: `A CSV does not say which sprint runs: “${open[0]!.name}” is taken as active, ${open.length - 1} other(s) as planned.` });

  return {
    source: "jira-csv",
    name: clip(table.get(table.rows[0]!, "Project name"), 100) || "Jira project",
    columns: stages.columns(),
    cards,
    sprints: collected.sort(compareSprints),
    labels: unique(cards.flatMap((card) => card.labels)).map((name) => ({ name, color: null })),
    people: unique(cards.flatMap((card) => [card.assignee, card.reporter, ...card.comments.map((comment) => comment.author)]).filter((name): name is string => !!name)),
    warnings,
  };
}
