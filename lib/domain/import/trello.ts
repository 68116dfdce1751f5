import {
  ImportFormatError,
  clip,
  isoDate,
  proposeCategories,
  unique,
  type ImportedCard,
  type ImportedChecklist,
  type ImportedComment,
  type ImportedEvent,
  type ImportedProject,
  type ImportWarning,
} from "./model";

/**
 * Trello board JSON (board menu → Print and export → JSON). Lists, cards, labels and checklists are
 * read by id, never by name (lists are renamed). History comes from `actions`, which Trello caps at
 * 1,000 newest first, so it may be partial or absent: cards then keep their order from `pos`.
 */

type Json = Record<string, unknown>;
const record = (value: unknown): Json => (value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter((item) => item && typeof item === "object").map(record) : []);
const text = (value: unknown): string => (typeof value === "string" ? value : "");
const id = (value: unknown): string | null => (typeof value === "string" && value ? value : null);
const position = (value: unknown): number => (typeof value === "number" ? value : Number(value) || 0);

export const TRELLO_ACTION_CAP = 1000;
/** Actions that bring a card onto the board: each carries the list it landed in. */
const CREATION_ACTIONS = new Set(["createCard", "copyCard", "convertToCardFromCheckItem", "moveCardToBoard", "emailCard"]);

export interface TrelloOptions {
  includeArchived?: boolean;
}

/** When a Trello id was made: its first 8 hex digits are the Unix time in seconds. */
function dateFromTrelloId(value: string): string | null {
  if (!/^[0-9a-f]{24}$/.test(value)) return null;
  return new Date(parseInt(value.slice(0, 8), 16) * 1000).toISOString();
}

function actorName(action: Json): string | null {
  const creator = record(action.memberCreator);
  return id(creator.fullName) ?? id(creator.username);
}

export function parseTrello(raw: unknown, options: TrelloOptions = {}): ImportedProject {
  const board = record(raw);
  if (!Array.isArray(board.lists) || !Array.isArray(board.cards)) {
    throw new ImportFormatError("NOT_TRELLO", "This is not a Trello board export: it has no lists and cards.");
  }
  const warnings: ImportWarning[] = [];
  const includeArchived = options.includeArchived ?? false;

  const lists = list(board.lists)
    .filter((item) => id(item.id) && (includeArchived || item.closed !== true))
    .sort((a, b) => position(a.pos) - position(b.pos));
  const listIds = new Set(lists.map((item) => item.id as string));
  const categories = proposeCategories(lists.map((item) => ({ name: text(item.name) })));
  const columns = lists.map((item, index) => ({
    sourceId: item.id as string,
    name: clip(text(item.name), 60) || "Untitled list",
    category: categories[index]!,
    archived: item.closed === true,
  }));

  // Labels: the board's own list when present; 2015-era exports have only the cards' labels.
  const labelById = new Map<string, { name: string; color: string | null }>();
  const remember = (label: Json) => {
    const labelId = id(label.id);
    if (labelId && !labelById.has(labelId)) labelById.set(labelId, { name: text(label.name).trim(), color: id(label.color) });
  };
  list(board.labels).forEach(remember);
  list(board.cards).forEach((card) => list(card.labels).forEach(remember));
  // Old exports name labels only in `labelNames` (colour → name).
  const labelNames = record(board.labelNames);
  const labelText = (label: { name: string; color: string | null }) => label.name || text(labelNames[label.color ?? ""]) || label.color || "unnamed";

  const people = new Map<string, string>();
  for (const member of list(board.members)) {
    const memberId = id(member.id);
    if (memberId) people.set(memberId, text(member.fullName) || text(member.username) || memberId);
  }

  const checklistsByCard = new Map<string, Array<ImportedChecklist & { pos: number }>>();
  for (const checklist of list(board.checklists)) {
    const cardId = id(checklist.idCard);
    if (!cardId) continue;
    const items = list(checklist.checkItems)
      .sort((a, b) => position(a.pos) - position(b.pos))
      .map((item) => ({ text: clip(text(item.name), 500), done: item.state === "complete" }))
      .filter((item) => item.text);
    const entry = { name: clip(text(checklist.name), 200) || "Checklist", items, pos: position(checklist.pos) };
    (checklistsByCard.get(cardId) ?? checklistsByCard.set(cardId, []).get(cardId)!).push(entry);
  }

  const actions = list(board.actions);
  if (actions.length >= TRELLO_ACTION_CAP) {
    warnings.push({ code: "HISTORY_TRUNCATED", message: `Trello exports at most ${TRELLO_ACTION_CAP} actions: history older than ${isoDate(actions.at(-1)?.date) ?? "the oldest action"} is missing.` });
  }
  const eventsByCard = new Map<string, ImportedEvent[]>();
  const commentsByCard = new Map<string, ImportedComment[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => void (map.get(key) ?? map.set(key, []).get(key)!).push(value);
  for (const action of actions) {
    const data = record(action.data);
    const cardId = id(record(data.card).id);
    const at = isoDate(action.date);
    if (!cardId || !at) continue;
    const type = text(action.type);
    if (type === "commentCard") {
      push(commentsByCard, cardId, { sourceId: id(action.id), author: actorName(action), at, body: text(data.text) });
    } else if (CREATION_ACTIONS.has(type)) {
      const into = id(record(data.list).id);
      push(eventsByCard, cardId, { type: "CREATED", at, fromColumnSourceId: null, toColumnSourceId: into && listIds.has(into) ? into : null, actor: actorName(action) });
    } else if (type === "updateCard" && data.listBefore && data.listAfter) {
      const from = id(record(data.listBefore).id);
      const to = id(record(data.listAfter).id);
      if (from === to) continue;
      push(eventsByCard, cardId, {
        type: "MOVED",
        at,
        fromColumnSourceId: from && listIds.has(from) ? from : null,
        toColumnSourceId: to && listIds.has(to) ? to : null,
        actor: actorName(action),
      });
    }
  }

  const listOrder = new Map(lists.map((item, index) => [item.id as string, index]));
  const cards: ImportedCard[] = list(board.cards)
    .filter((card) => id(card.id) && listIds.has(text(card.idList)) && (includeArchived || card.closed !== true))
    .sort((a, b) => listOrder.get(a.idList as string)! - listOrder.get(b.idList as string)! || position(a.pos) - position(b.pos))
    .map((card) => {
      const cardId = card.id as string;
      const labelIds = Array.isArray(card.idLabels) ? card.idLabels.filter((value): value is string => typeof value === "string") : [];
      const byId = labelIds.map((labelId) => labelById.get(labelId)).filter((label) => label !== undefined);
      const inline = list(card.labels).map((label) => ({ name: text(label.name).trim(), color: id(label.color) }));
      const labels = unique([...byId, ...inline].map(labelText));
      const members = Array.isArray(card.idMembers) ? card.idMembers.map((memberId) => people.get(String(memberId))).filter((name) => name !== undefined) : [];
      const events = (eventsByCard.get(cardId) ?? []).sort((a, b) => a.at.localeCompare(b.at));
      const comments = (commentsByCard.get(cardId) ?? []).sort((a, b) => (a.at ?? "").localeCompare(b.at ?? ""));
      const checklists = (checklistsByCard.get(cardId) ?? []).sort((a, b) => a.pos - b.pos).map(({ name, items }) => ({ name, items }));
      return {
        sourceId: cardId,
        sourceKey: typeof card.idShort === "number" ? `#${card.idShort}` : null,
        title: clip(text(card.name), 500) || "Untitled card",
        description: text(card.desc),
        type: "STORY" as const,
        priority: "MEDIUM" as const,
        columnSourceId: card.idList as string,
        labels,
        assignee: members[0] ?? null,
        reporter: null,
        estimate: null,
        sprintSourceId: null,
        pastSprintSourceIds: [],
        parentSourceId: null,
        dueAt: isoDate(card.due),
        createdAt: events.find((event) => event.type === "CREATED")?.at ?? dateFromTrelloId(cardId),
        completedAt: null,
        archived: card.closed === true,
        checklists,
        comments,
        events,
      };
    });
  const extraMembers = members(cards);
  return {
    source: "trello",
    name: clip(text(board.name), 100) || "Trello board",
    columns,
    cards,
    sprints: [],
    labels: [...labelById.values()],
    people: unique([...people.values(), ...extraMembers]),
    warnings,
  };
}

function members(cards: ImportedCard[]): string[] {
  return cards.flatMap((card) => [card.assignee, ...card.comments.map((comment) => comment.author), ...card.events.map((event) => event.actor)]).filter((name): name is string => !!name);
}
