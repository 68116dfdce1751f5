// Scrum endpoints: the ranked backlog and sprints. Product owners rank and run sprints (create,
// edit, start, complete); members plan cards into sprints; viewers read.
import { z } from "zod";
import { backlogQuery, rankCardSchema } from "@/lib/validation/backlog";
import { cardParams, idParams, projectParams } from "@/lib/validation/common";
import { addSprintCardsSchema, completeSprintSchema, createSprintSchema, sprintCardsSchema, updateSprintSchema } from "@/lib/validation/sprints";
import { defineEndpoint } from "../endpoint";

export const getBacklogEndpoint = defineEndpoint({
  method: "GET",
  path: "/projects/{key}/backlog",
  summary: "Cards with no sprint or in a planned sprint, in rank order, plus the planned sprints; `limit` pages the unplanned part",
  tag: "Backlog",
  role: "VIEWER",
  params: projectParams,
  query: backlogQuery,
});
export const rankCardEndpoint = defineEndpoint({
  method: "POST",
  path: "/cards/{cardKey}/rank",
  summary: "Move a card in the project order: right after `afterKey`, right before `beforeKey`, or to `position` top/bottom (nothing = top)",
  tag: "Backlog",
  role: "PRODUCT_OWNER",
  params: cardParams,
  body: rankCardSchema,
  example: { afterKey: "SHOP-3" },
});

export const listSprintsEndpoint = defineEndpoint({
  method: "GET",
  path: "/projects/{key}/sprints",
  summary: "Sprints of a project: active, then planned, then closed",
  tag: "Sprints",
  role: "VIEWER",
  params: projectParams,
  query: z.object({ state: z.enum(["planned", "active", "closed"]).optional() }),
});
export const createSprintEndpoint = defineEndpoint({
  method: "POST",
  path: "/projects/{key}/sprints",
  summary: "Plan a sprint (product owner); Kanban projects have none (409 KANBAN_PROJECT)",
  tag: "Sprints",
  role: "PRODUCT_OWNER",
  params: projectParams,
  body: createSprintSchema,
  status: 201,
  example: { name: "Sprint 12", goal: "Guests can check out", startDate: "2026-03-02", endDate: "2026-03-16", capacity: 30 },
});
export const getSprintEndpoint = defineEndpoint({
  method: "GET",
  path: "/sprints/{id}",
  summary: "One sprint with its cards, recorded scope changes and (once started) its report",
  tag: "Sprints",
  role: "VIEWER",
  params: idParams,
});
export const updateSprintEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/sprints/{id}",
  summary: "Edit name, goal, dates or capacity (not once closed)",
  tag: "Sprints",
  role: "PRODUCT_OWNER",
  params: idParams,
  body: updateSprintSchema,
  example: { goal: "Guests can check out and pay", capacity: 28 },
});
export const deleteSprintEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/sprints/{id}",
  summary: "Delete a planned sprint; its cards return to the backlog",
  tag: "Sprints",
  role: "PRODUCT_OWNER",
  params: idParams,
});
export const addSprintCardsEndpoint = defineEndpoint({
  method: "POST",
  path: "/sprints/{id}/cards",
  summary:
    "Plan cards into a sprint; additions to the active sprint are recorded. " +
    "422 DOR_INCOMPLETE when the project's Definition of Ready is on and a card has unmet items (`details.items`), unless a product owner or admin sends `override: { reason }` (403 for others); the override is recorded on each unready card.",
  tag: "Sprints",
  role: "MEMBER",
  params: idParams,
  body: addSprintCardsSchema,
  example: { cardKeys: ["SHOP-3", "SHOP-4"] },
});
export const removeSprintCardsEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/sprints/{id}/cards",
  summary: "Take cards out of a sprint (back to the backlog, in place); removals from the active sprint are recorded",
  tag: "Sprints",
  role: "MEMBER",
  params: idParams,
  body: sprintCardsSchema,
  example: { cardKeys: ["SHOP-4"] },
});
export const startSprintEndpoint = defineEndpoint({
  method: "POST",
  path: "/sprints/{id}/start",
  summary: "Start a planned sprint (one active sprint per project); records the commitment",
  tag: "Sprints",
  role: "PRODUCT_OWNER",
  params: idParams,
});
export const completeSprintEndpoint = defineEndpoint({
  method: "POST",
  path: "/sprints/{id}/complete",
  summary: "Close the active sprint; unfinished cards go to the next planned sprint (created if none) or the top of the backlog. Returns the report",
  tag: "Sprints",
  role: "PRODUCT_OWNER",
  params: idParams,
  body: completeSprintSchema,
  example: { incomplete: "next" },
});

export const backlogEndpoints = [
  getBacklogEndpoint,
  rankCardEndpoint,
  listSprintsEndpoint,
  createSprintEndpoint,
  getSprintEndpoint,
  updateSprintEndpoint,
  deleteSprintEndpoint,
  addSprintCardsEndpoint,
  removeSprintCardsEndpoint,
  startSprintEndpoint,
  completeSprintEndpoint,
];
