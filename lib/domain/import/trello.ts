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


/**
 * Reads a board one piece at a time: `field` for each top-level value, `array` then `item` for each
 * element of a top-level array (lists, cards, actions…), then `finish`. Each element is cut down to what the
 * import keeps as it arrives, so a streamed board never holds its raw actions (see json-stream.ts).
 */
export interface TrelloReader {
  field(key: string, value: unknown): void;
  array(key: string): void;
  item(key: string, value: unknown): void;
  finish(): ImportedProject;
}

type Label = { name: string; color: string | null };
type CardRecord = Pick<Json, "id" | "name" | "desc" | "idList" | "pos" | "closed" | "idLabels" | "idMembers" | "due" | "idShort"> & { labels: Label[] };

export function trelloReader(options: TrelloOptions = {}): TrelloReader {
  const includeArchived = options.includeArchived ?? false;
  const arrays = new Set<string>();
  let name: unknown;
  let labelNames: Json = {};
  const lists: Json[] = [];
  const boardLabels: Json[] = [];
  const people = new Map<string, string>();
  const rawCards: CardRecord[] = [];
  const checklistsByCard = new Map<string, Array<ImportedChecklist & { pos: number }>>();
  const eventsByCard = new Map<string, ImportedEvent[]>();
  const commentsByCard = new Map<string, ImportedComment[]>();
  let actionCount = 0;
  let oldestAction: unknown;
  // 200,000 actions name a handful of lists and people: one copy of each string is kept.
  const strings = new Map<string, string>();
  const shared = (value: string | null) => (value === null ? null : (strings.get(value) ?? strings.set(value, value).get(value)!));
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => void (map.get(key) ?? map.set(key, []).get(key)!).push(value);
  const actorName = (action: Json) => {
    const creator = record(action.memberCreator);
    return shared(id(creator.fullName) ?? id(creator.username));
  };

  const readAction = (action: Json) => {
    actionCount++;
    oldestAction = action.date;
    const data = record(action.data);
    const cardId = id(record(data.card).id);
    const at = isoDate(action.date);
    if (!cardId || !at) return;
    const type = text(action.type);
    if (type === "commentCard") {
      push(commentsByCard, cardId, { sourceId: id(action.id), author: actorName(action), at, body: text(data.text) });
    } else if (CREATION_ACTIONS.has(type)) {
      push(eventsByCard, cardId, { type: "CREATED", at, fromColumnSourceId: null, toColumnSourceId: shared(id(record(data.list).id)), actor: actorName(action) });
    } else if (type === "updateCard" && data.listBefore && data.listAfter) {
      const from = id(record(data.listBefore).id);
      const to = id(record(data.listAfter).id);
      if (from === to) return;
      push(eventsByCard, cardId, { type: "MOVED", at, fromColumnSourceId: shared(from), toColumnSourceId: shared(to), actor: actorName(action) });
    }
  };

  const readChecklist = (checklist: Json) => {
    const cardId = id(checklist.idCard);
    if (!cardId) return;
    const items = list(checklist.checkItems)
      .sort((a, b) => position(a.pos) - position(b.pos))
      .map((item) => ({ text: clip(text(item.name), 500), done: item.state === "complete" }))
      .filter((item) => item.text);
    push(checklistsByCard, cardId, { name: clip(text(checklist.name), 200) || "Checklist", items, pos: position(checklist.pos) });
  };

  const readCard = (card: Json) => {
    const inline = list(card.labels).map((label) => ({ id: id(label.id), name: text(label.name).trim(), color: id(label.color) }));
    const { id: cardId, name: title, desc, idList, pos, closed, idLabels, idMembers, due, idShort } = card;
    rawCards.push({ id: cardId, name: title, desc, idList, pos, closed, idLabels, idMembers, due, idShort, labels: inline });
  };

  return {
    field(key, value) {
      if (key === "name") name = value;
      if (key === "labelNames") labelNames = record(value);
    },
    array(key) {
      arrays.add(key);
    },
    item(key, value) {
      if (!value || typeof value !== "object" || Array.isArray(value)) return;
      const item = value as Json;
      if (key === "lists") lists.push(item);
      else if (key === "labels") boardLabels.push(item);
      else if (key === "members") {
        const memberId = id(item.id);
        if (memberId) people.set(memberId, text(item.fullName) || text(item.username) || memberId);
      } else if (key === "checklists") readChecklist(item);
      else if (key === "cards") readCard(item);
      else if (key === "actions") readAction(item);
    },
    finish() {
      if (!arrays.has("lists") || !arrays.has("cards")) {
        throw new ImportFormatError("NOT_TRELLO", "This is not a Trello board export: it has no lists and cards.");
      }
      const warnings: ImportWarning[] = [];
      const boardLists = lists.filter((item) => id(item.id) && (includeArchived || item.closed !== true)).sort((a, b) => position(a.pos) - position(b.pos));
      const listIds = new Set(boardLists.map((item) => item.id as string));
      const categories = proposeCategories(boardLists.map((item) => ({ name: text(item.name) })));
      const columns = boardLists.map((item, index) => ({
        sourceId: item.id as string,
        name: clip(text(item.name), 60) || "Untitled list",
        category: categories[index]!,
        archived: item.closed === true,
      }));

      // Labels: the board's own list when present; 2015-era exports have only the cards' labels.
      const labelById = new Map<string, Label>();
      const remember = (label: { id?: unknown; name?: unknown; color?: unknown }) => {
        const labelId = id(label.id);
        if (labelId && !labelById.has(labelId)) labelById.set(labelId, { name: text(label.name).trim(), color: id(label.color) });
      };
      boardLabels.forEach(remember);
      rawCards.forEach((card) => card.labels.forEach(remember));
      // Old exports name labels only in `labelNames` (colour → name).
      const labelText = (label: Label) => label.name || text(labelNames[label.color ?? ""]) || label.color || "unnamed";

      if (actionCount >= TRELLO_ACTION_CAP) {
        warnings.push({ code: "HISTORY_TRUNCATED", message: `Trello exports at most ${TRELLO_ACTION_CAP} actions: history older than ${isoDate(oldestAction) ?? "the oldest action"} is missing.` });
      }
      const onBoard = (list: string | null) => (list && listIds.has(list) ? list : null);
      const listOrder = new Map(boardLists.map((item, index) => [item.id as string, index]));
      const cards: ImportedCard[] = rawCards
        .filter((card) => id(card.id) && listIds.has(text(card.idList)) && (includeArchived || card.closed !== true))
        .sort((a, b) => listOrder.get(a.idList as string)! - listOrder.get(b.idList as string)! || position(a.pos) - position(b.pos))
        .map((card) => {
          const cardId = card.id as string;
          const labelIds = Array.isArray(card.idLabels) ? card.idLabels.filter((value): value is string => typeof value === "string") : [];
          const byId = labelIds.map((labelId) => labelById.get(labelId)).filter((label) => label !== undefined);
          const labels = unique([...byId, ...card.labels].map(labelText));
          const members = Array.isArray(card.idMembers) ? card.idMembers.map((memberId) => people.get(String(memberId))).filter((name) => name !== undefined) : [];
          const events = (eventsByCard.get(cardId) ?? []).sort((a, b) => a.at.localeCompare(b.at));
          for (const event of events) {
            event.fromColumnSourceId = onBoard(event.fromColumnSourceId);
            event.toColumnSourceId = onBoard(event.toColumnSourceId);
          }
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
        name: clip(text(name), 100) || "Trello board",
        columns,
        cards,
        sprints: [],
        labels: [...labelById.values()],
        people: unique([...people.values(), ...extraMembers]),
        warnings,
      };
    },
  };
}

/** A board already parsed as a whole (small files, tests). */
export function parseTrello(raw: unknown, options: TrelloOptions = {}): ImportedProject {
  const reader = trelloReader(options);
  for (const [key, value] of Object.entries(record(raw))) {
    if (Array.isArray(value)) {
      reader.array(key);
      value.forEach((item) => reader.item(key, item));
    } else reader.field(key, value);
  }
  return reader.finish();
}

function members(cards: ImportedCard[]): string[] {
  return cards.flatMap((card) => [card.assignee, ...card.comments.map((comment) => comment.author), ...card.events.map((event) => event.actor)]).filter((name): name is string => !!name);
}
