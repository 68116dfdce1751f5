/**
 * The normalized import model: what every source (Trello, Jira, Linear, Shipboard) is parsed into
 * before anything is written. Parsers are pure (no clock, no I/O); dates are UTC ISO strings.
 * Every item keeps its `sourceId`, so a re-import can update what an earlier one created.
 */

export type ImportSource = "trello" | "jira-csv" | "jira-json" | "linear-csv" | "shipboard";
export type StageCategory = "TODO" | "IN_PROGRESS" | "DONE";
export type ImportCardType = "STORY" | "BUG" | "TASK" | "SPIKE" | "EPIC";
export type ImportPriority = "LOW" | "MEDIUM" | "HIGH" | "URGENT";

export interface ImportedColumn {
  sourceId: string;
  name: string;
  /** Proposed category: from the source when it has one, else from the name, else from the position. */
  category: StageCategory;
  archived: boolean;
  /** Only a Shipboard export carries these; other sources leave the target column's own. */
  wipLimit?: number | null;
  policy?: string;
}

export interface ImportedSprint {
  sourceId: string;
  name: string;
  state: "PLANNED" | "ACTIVE" | "CLOSED";
  startDate: string | null;
  endDate: string | null;
  completedAt: string | null;
  goal: string;
  /** A Shipboard export's recorded sprint facts. */
  facts?: { capacity: number | null; startedAt: string | null; committedPoints: number | null; committedCards: number | null; completedPoints: number | null; completedCards: number | null };
}

export interface ImportedChecklist {
  name: string;
  /** `list` and `kind` as Shipboard stores them (a Shipboard export); others are manual DoD items. */
  items: Array<{ text: string; done: boolean; list?: string; kind?: string }>;
}

export interface ImportedComment {
  sourceId: string | null;
  author: string | null;
  at: string | null;
  body: string;
}

/** A card's history: its creation and each move between columns, at the source's own dates. */
export interface ImportedEvent {
  /** CREATED and MOVED from every source; a Shipboard export carries its other kinds too. */
  type: string;
  at: string;
  fromColumnSourceId: string | null;
  toColumnSourceId: string | null;
  actor: string | null;
  data?: Record<string, unknown>;
}

/**
 * CI/CD records a Shipboard export carries (other sources have none): the integrations they came
 * through (never their secrets) and the pull requests, pipeline runs with their jobs and
 * deployments, each under its source id; cards point at them by those ids.
 */
export interface ImportedPipeline {
  integrations: Array<{ id: string; provider: string; name: string; repository: string | null; stageRules: unknown }>;
  pullRequests: Array<{ id: string; integrationId: string; provider: string; repository: string; number: number; title: string; state: string; merged: boolean; url: string | null; headRef: string | null; headSha: string | null; sourceAt: string | null }>;
  runs: Array<{
    id: string;
    integrationId: string;
    provider: string;
    externalId: string;
    attempt: number;
    repository: string;
    branch: string | null;
    sha: string | null;
    name: string | null;
    status: string;
    url: string | null;
    startedAt: string | null;
    completedAt: string | null;
    sourceAt: string | null;
    statusFromJobs: boolean;
    jobs: Array<{ externalId: string; name: string; stage: string | null; status: string; url: string | null; attempt: number; sourceAt: string | null }>;
  }>;
  deployments: Array<{ id: string; integrationId: string; provider: string; externalId: string; environment: string; status: string; sha: string | null; ref: string | null; url: string | null; at: string; sourceAt: string | null }>;
}

/** A card's links to pipeline records, by their ids in `ImportedPipeline`, and the commits tied to it. */
export interface ImportedCardPipeline {
  pullRequests: string[];
  runs: string[];
  deployments: string[];
  commits: Array<{ sha: string; at: string }>;
}

export interface ImportedCard {
  sourceId: string;
  /** The source's human key (Jira `ENG-10`, Trello short id), shown in previews and summaries. */
  sourceKey: string | null;
  title: string;
  description: string;
  type: ImportCardType;
  priority: ImportPriority;
  columnSourceId: string;
  labels: string[];
  assignee: string | null;
  reporter: string | null;
  estimate: number | null;
  /** The current sprint; `pastSprintSourceIds` are sprints it was carried through. */
  sprintSourceId: string | null;
  pastSprintSourceIds: string[];
  parentSourceId: string | null;
  dueAt: string | null;
  createdAt: string | null;
  completedAt: string | null;
  archived: boolean;
  checklists: ImportedChecklist[];
  comments: ImportedComment[];
  /** Oldest first. */
  events: ImportedEvent[];
  /** A Shipboard export's own fields. */
  blockedReason?: string | null;
  columnEnteredAt?: string | null;
  /** Place in the backlog order when it differs from the board order the cards come in. */
  backlogPosition?: number;
  pipeline?: ImportedCardPipeline;
}

export interface ImportWarning {
  code: string;
  message: string;
}

export interface ImportedProject {
  source: ImportSource;
  name: string;
  /** In board order. */
  columns: ImportedColumn[];
  /** In board order inside each column (the source's rank or position). */
  cards: ImportedCard[];
  sprints: ImportedSprint[];
  /** Every label the source defines, used or not; a label without a name is known by its colour. */
  labels: Array<{ name: string; color: string | null }>;
  people: string[];
  warnings: ImportWarning[];
  pipeline?: ImportedPipeline;
}

export type ParseResult = { ok: true; project: ImportedProject } | { ok: false; errors: ImportWarning[] };

export class ImportFormatError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Runs a parser, turning a format error (the file is not what it claims) into a value. */
export function parseWith<T>(parser: (input: T) => ImportedProject, input: T): ParseResult {
  try {
    return { ok: true, project: parser(input) };
  } catch (error) {
    if (error instanceof ImportFormatError) return { ok: false, errors: [{ code: error.code, message: error.message }] };
    throw error;
  }
}

const DONE_NAME = /\b(done|closed?|finished|complete[d]?|shipped|released|resolved|deployed|live|archived?|cancel+ed|won'?t (do|fix)|duplicate)\b/i;
const DOING_NAME = /\b(doing|in[ -]?progress|progress|started|review|testing|test|qa|verif\w*|wip|develop\w*|dev|working|blocked|accepted|staging|ready for)\b/i;
const TODO_NAME = /\b(to ?do|backlog|ideas?|open|new|triage|icebox|inbox|planned|next|selected|up next)\b/i;

/**
 * A column category proposed from a stage name; `null` when the name says nothing. "Done" words
 * win; "to do" words ("Open Blog ideas") win over "doing" words only when no doing word is present.
 */
export function categoryFromName(name: string): StageCategory | null {
  if (DONE_NAME.test(name)) return "DONE";
  if (TODO_NAME.test(name) && !DOING_NAME.test(name)) return "TODO";
  if (DOING_NAME.test(name)) return "IN_PROGRESS";
  if (TODO_NAME.test(name)) return "TODO";
  return null;
}

/**
 * Categories for stages in board order: the source's own category when known, else the name's,
 * else the position (the first stage is to do, the last of three or more is done, the rest in progress).
 */
export function proposeCategories(stages: Array<{ name: string; known?: StageCategory | null }>): StageCategory[] {
  const named = stages.map((stage) => stage.known ?? categoryFromName(stage.name));
  const anyDone = named.includes("DONE");
  return named.map((category, index) => {
    if (category) return category;
    if (index === 0) return "TODO";
    if (!anyDone && stages.length >= 3 && index === stages.length - 1) return "DONE";
    return "IN_PROGRESS";
  });
}

const CATEGORY_ORDER: Record<StageCategory, number> = { TODO: 0, IN_PROGRESS: 1, DONE: 2 };
export const categoryOrder = (category: StageCategory) => CATEGORY_ORDER[category];

/** Trims and caps a text field; the card title limit is 500 characters. */
export function clip(text: string, max: number): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}

/** An ISO date with any offset (`-0600`, `-05:00`, `Z`) as UTC ISO; `null` for empty or unreadable. */
export function isoDate(value: unknown): string | null {
  if (typeof value !== "string" || !value.trim()) return null;
  const normalized = value.trim().replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  const time = Date.parse(normalized);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function priorityFromName(name: string | null | undefined): ImportPriority {
  const value = (name ?? "").toLowerCase();
  if (/highest|blocker|critical|urgent|p0/.test(value)) return "URGENT";
  if (/high|major|p1/.test(value)) return "HIGH";
  if (/low|minor|trivial|p3|p4/.test(value)) return "LOW";
  return "MEDIUM";
}

export function typeFromName(name: string | null | undefined): ImportCardType {
  const value = (name ?? "").toLowerCase();
  if (/bug|defect|incident/.test(value)) return "BUG";
  if (/epic/.test(value)) return "EPIC";
  if (/spike|research/.test(value)) return "SPIKE";
  if (/task|chore/.test(value)) return "TASK";
  return "STORY";
}

/** An estimate as a whole number of points (Card.estimate is an integer); fractional ones round up. */
export function points(value: unknown): number | null {
  const number = typeof value === "number" ? value : typeof value === "string" && value.trim() ? Number(value.trim().replace(",", ".")) : NaN;
  if (!Number.isFinite(number) || number < 0) return null;
  return Math.ceil(number - 1e-9);
}

export const unique = <T>(values: Iterable<T>) => [...new Set(values)];
