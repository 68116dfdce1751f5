import { jiraToMarkdown } from "./jira-markup";
import {
  ImportFormatError,
  clip,
  isoDate,
  points,
  priorityFromName,
  typeFromName,
  unique,
  type ImportedCard,
  type ImportedEvent,
  type ImportedProject,
  type ImportedSprint,
  type ImportWarning,
} from "./model";
import { SprintCollector } from "./sprints";
import { StageCollector, categoryFromJira } from "./stages";

/**
 * Jira REST JSON as a script saves it: a search result (`{ issues: [...] }`, with
 * `expand=changelog` and ideally `expand=names`), an array of issues, or one issue. Status changes
 * in the changelog become move events at their dates (offsets such as -0600 and -0500 kept apart);
 * statuses are resolved by id. Components become labels. Story points, sprints, epic link and rank
 * are custom fields: found through `names` when present, else sprints by their shape.
 */

type Json = Record<string, unknown>;
const record = (value: unknown): Json => (value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter((item) => item && typeof item === "object").map(record) : []);
const text = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
const person = (value: unknown): string | null => text(record(value).displayName) || text(record(value).name) || null;

function issuesOf(root: unknown): Json[] {
  if (Array.isArray(root)) return list(root);
  const object = record(root);
  if (Array.isArray(object.issues)) return list(object.issues);
  if (object.key && object.fields) return [object];
  throw new ImportFormatError("NOT_JIRA_JSON", "This is not a Jira JSON export: expected a search result with issues, or an issue.");
}

/** Custom field ids by what they hold, from `names` (field id → display name). */
function customFields(names: Json) {
  const find = (pattern: RegExp) => Object.entries(names).filter(([, name]) => typeof name === "string" && pattern.test(name)).map(([fieldId]) => fieldId);
  return { storyPoints: find(/^story points?( estimate)?$/i), sprint: find(/^sprint$/i), epicLink: find(/^epic link$/i), rank: find(/^rank$/i) };
}

/** Old Jira Server sprint values are strings: `...Sprint@1f[id=3,rapidViewId=1,state=CLOSED,name=Sprint 3,...]`. */
function sprintFromString(value: string): Json | null {
  const body = /\[(.*)\]\s*$/.exec(value)?.[1];
  if (!body) return null;
  return Object.fromEntries([...body.matchAll(/(\w+)=(.*?)(?=,\w+=|$)/g)].map((match) => [match[1], match[2] === "<null>" ? null : match[2]]));
}

const looksLikeSprint = (value: Json) => "state" in value && "name" in value && "id" in value && ("boardId" in value || "originBoardId" in value || "rapidViewId" in value || "goal" in value);

function sprintValues(fields: Json, sprintFields: string[]): Json[] {
  const candidates = sprintFields.length ? sprintFields.map((fieldId) => fields[fieldId]) : Object.entries(fields).filter(([key]) => key.startsWith("customfield_")).map(([, value]) => value);
  for (const candidate of candidates) {
    if (!Array.isArray(candidate) || !candidate.length) continue;
    const sprints = candidate.map((value) => (typeof value === "string" ? sprintFromString(value) : record(value))).filter((value): value is Json => !!value && looksLikeSprint(value));
    if (sprints.length) return sprints;
  }
  return [];
}

function sprintState(value: unknown): ImportedSprint["state"] {
  const state = text(value).toLowerCase();
  return state === "active" ? "ACTIVE" : state === "closed" ? "CLOSED" : "PLANNED";
}

export function parseJiraJson(root: unknown): ImportedProject {
  const issues = issuesOf(root);
  const names = { ...record(record(root).names), ...Object.assign({}, ...issues.map((issue) => record(issue.names))) } as Json;
  const custom = customFields(names);
  const warnings: ImportWarning[] = [];
  const stages = new StageCollector();
  const sprints = new SprintCollector();
  const idByKey = new Map(issues.map((issue) => [text(issue.key), text(issue.id) || text(issue.key)]));
  const ranked: Array<{ card: ImportedCard; rank: string; index: number }> = [];

  issues.forEach((issue, index) => {
    const fields = record(issue.fields);
    const key = text(issue.key);
    const status = record(fields.status);
    const statusId = text(status.id) || text(status.name);
    if (!statusId) throw new ImportFormatError("MISSING_STATUS", `Issue ${key || index + 1} has no status: export with all fields.`);
    const createdAt = isoDate(fields.created);
    const changelog = record(issue.changelog);
    const histories = list(changelog.histories ?? changelog.values)
      .map((history) => ({ history, at: isoDate(history.created) }))
      .filter((entry): entry is { history: Json; at: string } => entry.at !== null)
      .sort((a, b) => a.at.localeCompare(b.at));
    const total = Number(changelog.total);
    if (Number.isFinite(total) && total > histories.length) {
      warnings.push({ code: "HISTORY_PARTIAL", message: `${key}: the export holds ${histories.length} of ${total} changelog entries; earlier moves may be missing.` });
    }
    const moves: ImportedEvent[] = [];
    for (const { history, at } of histories) {
      for (const item of list(history.items)) {
        if (text(item.fieldId || item.field).toLowerCase() !== "status") continue;
        const from = text(item.from) || text(item.fromString);
        const to = text(item.to) || text(item.toString);
        stages.see(from, text(item.fromString), null, Date.parse(at) - 1);
        stages.see(to, text(item.toString), null, Date.parse(at));
        moves.push({ type: "MOVED", at, fromColumnSourceId: from || null, toColumnSourceId: to || null, actor: person(history.author) });
      }
    }
    const initial = moves[0]?.fromColumnSourceId ?? statusId;
    const createdTime = createdAt ? Date.parse(createdAt) : Number.MAX_SAFE_INTEGER;
    if (moves[0]) stages.see(initial, text(list(histories[0]!.history.items).find((item) => text(item.fieldId || item.field).toLowerCase() === "status")?.fromString), null, createdTime);
    const currentSince = moves.length ? Date.parse(moves.at(-1)!.at) : createdTime;
    stages.see(statusId, text(status.name), categoryFromJira(text(record(status.statusCategory).key)), currentSince);
    const events: ImportedEvent[] = createdAt ? [{ type: "CREATED", at: createdAt, fromColumnSourceId: null, toColumnSourceId: initial, actor: person(fields.creator) ?? person(fields.reporter) }, ...moves] : moves;

    const issueSprints = sprintValues(fields, custom.sprint).map((value) =>
      sprints.see(text(value.id) || text(value.name), {
        name: text(value.name),
        state: sprintState(value.state),
        startDate: isoDate(value.startDate),
        endDate: isoDate(value.endDate),
        completedAt: isoDate(value.completeDate),
        goal: text(value.goal),
      }),
    );
    const current = issueSprints.find((sprint) => sprint.state !== "CLOSED") ?? issueSprints.at(-1) ?? null;
    const comment = record(fields.comment);
    const comments = list(comment.comments).map((entry) => ({ sourceId: text(entry.id) || null, author: person(entry.author), at: isoDate(entry.created), body: jiraToMarkdown(entry.body) }));
    const epicKey = custom.epicLink.map((fieldId) => text(fields[fieldId])).find(Boolean);
    const parent = record(fields.parent);
    const estimate = custom.storyPoints.map((fieldId) => points(fields[fieldId])).find((value) => value !== null) ?? null;
    const card: ImportedCard = {
      sourceId: text(issue.id) || key,
      sourceKey: key || null,
      title: clip(text(fields.summary), 500) || key || "Untitled issue",
      description: jiraToMarkdown(fields.description),
      type: record(fields.issuetype).subtask === true ? "TASK" : typeFromName(text(record(fields.issuetype).name)),
      priority: priorityFromName(text(record(fields.priority).name)),
      columnSourceId: statusId,
      labels: unique([...(Array.isArray(fields.labels) ? fields.labels.map(text) : []), ...list(fields.components).map((component) => text(component.name))].filter(Boolean)),
      assignee: person(fields.assignee),
      reporter: person(fields.reporter),
      estimate,
      sprintSourceId: current?.sourceId ?? null,
      pastSprintSourceIds: issueSprints.filter((sprint) => sprint !== current).map((sprint) => sprint.sourceId),
      parentSourceId: text(parent.id) || (text(parent.key) && (idByKey.get(text(parent.key)) ?? text(parent.key))) || (epicKey ? (idByKey.get(epicKey) ?? epicKey) : null) || null,
      dueAt: isoDate(fields.duedate),
      createdAt,
      completedAt: isoDate(fields.resolutiondate),
      archived: false,
      checklists: [],
      comments,
      events,
    };
    ranked.push({ card, rank: custom.rank.map((fieldId) => text(fields[fieldId])).find(Boolean) ?? "", index });
  });

  // The search result's order is the board's when the query sorted by rank; a Rank field decides when present.
  ranked.sort((a, b) => (a.rank && b.rank && a.rank !== b.rank ? (a.rank < b.rank ? -1 : 1) : a.index - b.index));
  const cards = ranked.map((entry) => entry.card);
  const projectName = text(record(record(issues[0]?.fields).project).name);
  return {
    source: "jira-json",
    name: clip(projectName, 100) || "Jira project",
    columns: stages.columns(),
    cards,
    sprints: sprints.sprints(),
    labels: unique(cards.flatMap((card) => card.labels)).map((name) => ({ name, color: null })),
    people: unique(cards.flatMap((card) => [card.assignee, card.reporter, ...card.comments.map((c) => c.author), ...card.events.map((e) => e.actor)]).filter((name): name is string => !!name)),
    warnings,
  };
}
