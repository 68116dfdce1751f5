import { ImportFormatError, type ImportedCardPipeline, type ImportedPipeline, type ImportedProject, type ImportCardType, type ImportPriority, type StageCategory } from "./model";

/**
 * Shipboard's own export (format "shipboard-project"), versioned: a reader refuses versions it does
 * not know. It holds everything an import restores, so export → import → export is equal apart
 * from ids and card keys. People travel by name.
 */
export const SHIPBOARD_FORMAT = "shipboard-project";
export const SHIPBOARD_VERSION = 1;

export interface ShipboardExport {
  format: typeof SHIPBOARD_FORMAT;
  version: number;
  project: { name: string; description: string; mode: string; wipMode: string };
  columns: Array<{ id: string; name: string; category: StageCategory; wipLimit: number | null; policy: string }>;
  sprints: Array<{
    id: string;
    name: string;
    goal: string;
    state: "PLANNED" | "ACTIVE" | "CLOSED";
    startDate: string | null;
    endDate: string | null;
    completedAt: string | null;
    capacity: number | null;
    startedAt: string | null;
    committedPoints: number | null;
    committedCards: number | null;
    completedPoints: number | null;
    completedCards: number | null;
  }>;
  /** CI/CD records (absent from exports made before they were added: then nothing is restored). */
  integrations?: ImportedPipeline["integrations"];
  pipeline?: Omit<ImportedPipeline, "integrations">;
  cards: ShipboardCard[];
  /** Each card's place in its column, top first (written last: it needs every card of a column). */
  boardPositions: Record<string, number>;
}

export interface ShipboardCard {
  id: string;
  key: string;
  title: string;
  description: string;
  type: ImportCardType;
  priority: ImportPriority;
  labels: string[];
  estimate: number | null;
  assignee: string | null;
  columnId: string;
  sprintId: string | null;
  epicId: string | null;
  blockedReason: string | null;
  createdAt: string;
  columnEnteredAt: string;
  completedAt: string | null;
  checklist: Array<{ list: string; kind: string; text: string; done: boolean }>;
  comments: Array<{ author: string | null; at: string; body: string }>;
  events: Array<{ type: string; at: string; fromColumnId: string | null; toColumnId: string | null; actor: string | null; data: Record<string, unknown> | null }>;
  pipeline?: ImportedCardPipeline;
}

export function parseShipboard(raw: unknown): ImportedProject {
  const file = raw as Partial<ShipboardExport> | null;
  if (!file || file.format !== SHIPBOARD_FORMAT || !Array.isArray(file.columns) || !Array.isArray(file.cards)) {
    throw new ImportFormatError("NOT_SHIPBOARD", "This is not a Shipboard project export.");
  }
  if (file.version !== SHIPBOARD_VERSION) throw new ImportFormatError("UNSUPPORTED_VERSION", `Export version ${String(file.version)} is not supported (this Shipboard reads version ${SHIPBOARD_VERSION}).`);
  const columnOrder = new Map(file.columns.map((column, index) => [column.id, index]));
  const place = (card: ShipboardCard) => file.boardPositions?.[card.id] ?? 0;
  const boardOrder = file.cards
    .map((card, backlogPosition) => ({ card, backlogPosition }))
    .sort((a, b) => (columnOrder.get(a.card.columnId) ?? 0) - (columnOrder.get(b.card.columnId) ?? 0) || place(a.card) - place(b.card));
  return {
    source: "shipboard",
    name: file.project?.name ?? "Shipboard project",
    columns: file.columns.map((column) => ({ sourceId: column.id, name: column.name, category: column.category, archived: false, wipLimit: column.wipLimit, policy: column.policy })),
    sprints: (file.sprints ?? []).map(({ id, capacity, startedAt, committedPoints, committedCards, completedPoints, completedCards, ...sprint }) => ({
      sourceId: id,
      ...sprint,
      facts: { capacity, startedAt, committedPoints, committedCards, completedPoints, completedCards },
    })),
    cards: boardOrder.map(({ card, backlogPosition }) => ({
      sourceId: card.id,
      sourceKey: card.key,
      title: card.title,
      description: card.description,
      type: card.type,
      priority: card.priority,
      columnSourceId: card.columnId,
      labels: card.labels,
      assignee: card.assignee,
      reporter: null,
      estimate: card.estimate,
      sprintSourceId: card.sprintId,
      pastSprintSourceIds: [],
      parentSourceId: card.epicId,
      dueAt: null,
      createdAt: card.createdAt,
      completedAt: card.completedAt,
      archived: false,
      checklists: card.checklist.length ? [{ name: "Checklist", items: card.checklist }] : [],
      comments: card.comments.map((comment) => ({ sourceId: null, ...comment })),
      events: card.events.map(({ fromColumnId, toColumnId, data, ...event }) => ({ ...event, fromColumnSourceId: fromColumnId, toColumnSourceId: toColumnId, ...(data && { data }) })),
      blockedReason: card.blockedReason,
      columnEnteredAt: card.columnEnteredAt,
      backlogPosition,
      ...(card.pipeline && { pipeline: card.pipeline }),
    })),
    labels: [],
    people: [...new Set(file.cards.flatMap((card) => [card.assignee, ...card.events.map((event) => event.actor)]).filter((name): name is string => !!name))],
    warnings: [],
    ...(file.integrations && file.pipeline && { pipeline: { integrations: file.integrations, ...file.pipeline } }),
  };
}
