// Kanban board: read it, move cards, administer columns and board settings, follow live changes.
import { z } from "zod";
import { boardFiltersQuery, boardSettingsSchema, columnParams, createColumnSchema, deleteColumnQuery, deleteColumnSchema, moveCardSchema, updateColumnSchema } from "@/lib/validation/board";
import { cardParams, projectParams } from "@/lib/validation/common";
import { defineEndpoint } from "../endpoint";

export const getBoardEndpoint = defineEndpoint({
  method: "GET",
  path: "/projects/{key}/board",
  summary: "The board: columns in order (with `count`, the whole column) and their visible cards in board order. Scrum boards show the active sprint. `mine=true` shows your cards",
  tag: "Board",
  role: "VIEWER",
  params: projectParams,
  query: boardFiltersQuery,
});
export const updateBoardEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/projects/{key}/board",
  summary:
    "Board settings: WIP enforcement (`hard` refuses, `soft` records a breach), scrum or kanban, aging threshold in days; for reports, " +
    "`startColumnId` (where work starts; null: the first in-progress column), `finishColumnIds` (where it is finished; empty: the Done columns), `timeZone` (IANA) and `productionEnvironments` " +
    "(environment names the delivery report counts as production; empty: production, prod, live; a provider tier `production` always counts)",
  tag: "Board",
  role: "PRODUCT_OWNER",
  params: projectParams,
  body: boardSettingsSchema,
  example: { wipMode: "soft", agingDays: 4 },
});
export const moveCardEndpoint = defineEndpoint({
  method: "POST",
  path: "/cards/{cardKey}/move",
  summary:
    "Move a card: `afterKey` is the card it lands below, `beforeKey` the card it lands above; neither puts it at the bottom. " +
    "422 WIP_LIMIT_EXCEEDED when a hard limit refuses it; 409 VERSION_CONFLICT when `version` is stale; " +
    "422 DOD_INCOMPLETE entering Done with unmet Definition-of-Done items (`details.items`), unless a product owner or admin sends `override: { reason }` (403 for others)",
  tag: "Board",
  role: "MEMBER",
  params: cardParams,
  body: moveCardSchema,
  example: { toColumnId: "<column id>", afterKey: "SHOP-12", version: 3 },
});
export const createColumnEndpoint = defineEndpoint({
  method: "POST",
  path: "/projects/{key}/columns",
  summary: "Add a column (last, or after `afterId` / before `beforeId`)",
  tag: "Board",
  role: "PRODUCT_OWNER",
  params: projectParams,
  body: createColumnSchema,
  status: 201,
  example: { name: "Testing", category: "in_progress", wipLimit: 4, policy: "Tested on staging by someone other than the author." },
});
export const updateColumnEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/projects/{key}/columns/{id}",
  summary: "Rename, re-limit (`wipLimit: null` removes the limit), describe, re-categorise or move a column (`afterId` / `beforeId`)",
  tag: "Board",
  role: "PRODUCT_OWNER",
  params: columnParams,
  body: updateColumnSchema,
  example: { name: "Code review", wipLimit: 2 },
});
export const deleteColumnEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/projects/{key}/columns/{id}",
  summary: "Delete a column; one with cards needs `moveCardsTo` (body or query), else 409 COLUMN_NOT_EMPTY",
  tag: "Board",
  role: "PRODUCT_OWNER",
  params: columnParams,
  query: deleteColumnQuery,
  body: deleteColumnSchema,
  example: { moveCardsTo: "<column id>" },
});
export const boardEventsEndpoint = defineEndpoint({
  method: "GET",
  path: "/projects/{key}/events",
  summary:
    "Server-Sent Events of board changes (`event:` card.created, card.updated, card.moved, card.deleted, board.changed). " +
    "Resume with the Last-Event-ID header or `?lastEventId=` (e.g. the board's `lastEventId`)",
  tag: "Board",
  role: "VIEWER",
  params: projectParams,
  query: z.object({ lastEventId: z.string().regex(/^\d{1,19}$/, "An event id is a decimal number.").optional() }),
});

export const boardEndpoints = [getBoardEndpoint, updateBoardEndpoint, moveCardEndpoint, createColumnEndpoint, updateColumnEndpoint, deleteColumnEndpoint, boardEventsEndpoint];
