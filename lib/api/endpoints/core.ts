// Foundation endpoints: identity, tokens, teams, projects, cards.
import { z } from "zod";
import { createCardSchema, listCardsQuery, updateCardSchema } from "@/lib/validation/cards";
import { cardParams, idParams, projectParams } from "@/lib/validation/common";
import { createProjectSchema } from "@/lib/validation/projects";
import { createTokenSchema } from "@/lib/validation/teams";
import { defineEndpoint } from "../endpoint";

export const getMeEndpoint = defineEndpoint({ method: "GET", path: "/me", summary: "The caller and their teams", tag: "Identity", role: null });

export const listTokensEndpoint = defineEndpoint({ method: "GET", path: "/tokens", summary: "Your API tokens (never their secrets)", tag: "Identity", role: null });
export const createTokenEndpoint = defineEndpoint({
  method: "POST",
  path: "/tokens",
  summary: "Create a personal API token; the secret is returned once",
  tag: "Identity",
  role: null,
  sessionOnly: true,
  body: createTokenSchema,
  status: 201,
  example: { name: "CI on acme/shop" },
});
export const revokeTokenEndpoint = defineEndpoint({ method: "DELETE", path: "/tokens/{id}", summary: "Revoke one of your API tokens", tag: "Identity", role: null, params: idParams });

export const listTeamsEndpoint = defineEndpoint({ method: "GET", path: "/teams", summary: "Teams you belong to, with your role", tag: "Teams", role: null });

export const listProjectsEndpoint = defineEndpoint({
  method: "GET",
  path: "/projects",
  summary: "Projects of your teams",
  tag: "Projects",
  role: null,
  query: z.object({ teamId: z.string().max(64).optional() }),
});
export const createProjectEndpoint = defineEndpoint({
  method: "POST",
  path: "/projects",
  summary:
    "Create a project (product owner or above in the team). With `import` (`source`, `file`, optional `includeArchived` and `mapping` of people and `definitionOfDone`): a new project from a Trello board or another export; it gets the file's columns, the import is queued and the answer carries `import: { id, status }` to follow with GET /imports/{id}. An unreadable file is a 422 and no project is created",
  tag: "Projects",
  role: "PRODUCT_OWNER",
  body: createProjectSchema,
  status: 201,
  example: { key: "SHOP", name: "Web shop", teamId: "<team id>", mode: "kanban" },
});
export const getProjectEndpoint = defineEndpoint({ method: "GET", path: "/projects/{key}", summary: "One project", tag: "Projects", role: "VIEWER", params: projectParams });

export const listCardsEndpoint = defineEndpoint({
  method: "GET",
  path: "/projects/{key}/cards",
  summary: "Cards of a project, by number; `cursor` pages",
  tag: "Cards",
  role: "VIEWER",
  params: projectParams,
  query: listCardsQuery,
});
export const createCardEndpoint = defineEndpoint({
  method: "POST",
  path: "/projects/{key}/cards",
  summary: "Create a card; it gets the next key of the project",
  tag: "Cards",
  role: "MEMBER",
  params: projectParams,
  body: createCardSchema,
  status: 201,
  example: { title: "Checkout shows shipping costs", type: "story", priority: "high", estimate: 3, labels: ["checkout"] },
});
export const getCardEndpoint = defineEndpoint({ method: "GET", path: "/cards/{cardKey}", summary: "One card with its history", tag: "Cards", role: "VIEWER", params: cardParams });
export const updateCardEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/cards/{cardKey}",
  summary: "Edit a card; `version` must be current or the answer is 409 VERSION_CONFLICT",
  tag: "Cards",
  role: "MEMBER",
  params: cardParams,
  body: updateCardSchema,
  example: { version: 1, title: "Checkout shows shipping costs up front" },
});

export const coreEndpoints = [
  getMeEndpoint,
  listTokensEndpoint,
  createTokenEndpoint,
  revokeTokenEndpoint,
  listTeamsEndpoint,
  listProjectsEndpoint,
  createProjectEndpoint,
  getProjectEndpoint,
  listCardsEndpoint,
  createCardEndpoint,
  getCardEndpoint,
  updateCardEndpoint,
];
