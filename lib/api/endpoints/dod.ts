// Definition of Done / Ready, card checklists and automation rules.
import { projectParams, cardParams } from "@/lib/validation/common";
import { addItemSchema, automationSchema, definitionSchema, itemParams, tickItemSchema } from "@/lib/validation/dod";
import { defineEndpoint } from "../endpoint";

export const getDodEndpoint = defineEndpoint({
  method: "GET",
  path: "/projects/{key}/dod",
  summary: "The Definition of Done in order (`items`), and the Definition of Ready (`ready.enabled`, `ready.items`)",
  tag: "Definition of Done",
  role: "VIEWER",
  params: projectParams,
});
export const putDodEndpoint = defineEndpoint({
  method: "PUT",
  path: "/projects/{key}/dod",
  summary:
    "Replace the Definition of Done: manual items, or automatic ones bound to `checks_green`, `pr_merged`, `deployed` (+ `environment`) or `stage_succeeded` (+ `stage`). " +
    "Cards not yet done get the new checklist (unchanged items keep their ticks); done cards keep theirs. Optional `ready` replaces the Definition of Ready",
  tag: "Definition of Done",
  role: "PRODUCT_OWNER",
  params: projectParams,
  body: definitionSchema,
  example: {
    items: [
      { text: "Reviewed by a second person", kind: "manual" },
      { text: "Checks green", kind: "auto", signal: "checks_green" },
      { text: "Deployed to production", kind: "auto", signal: "deployed", environment: "production" },
    ],
    ready: { enabled: true, items: [{ text: "Acceptance criteria written", kind: "manual" }] },
  },
});
export const tickItemEndpoint = defineEndpoint({
  method: "POST",
  path: "/cards/{cardKey}/dod/{itemId}",
  summary: "Tick or un-tick a manual checklist item; automatic items answer 422 AUTO_ITEM",
  tag: "Definition of Done",
  role: "MEMBER",
  params: itemParams,
  body: tickItemSchema,
  example: { done: true },
});
export const addItemEndpoint = defineEndpoint({
  method: "POST",
  path: "/cards/{cardKey}/dod",
  summary: "Add a manual checklist item to this card only",
  tag: "Definition of Done",
  role: "MEMBER",
  params: cardParams,
  body: addItemSchema,
  status: 201,
  example: { text: "Migration tested on a copy of production" },
});
export const getAutomationEndpoint = defineEndpoint({
  method: "GET",
  path: "/projects/{key}/automation",
  summary: "Automation rules: move a card when its pull request opens (`pr_opened`), merges (`pr_merged`) or it is deployed (`deployed`, optional `environment`)",
  tag: "Definition of Done",
  role: "VIEWER",
  params: projectParams,
});
export const putAutomationEndpoint = defineEndpoint({
  method: "PUT",
  path: "/projects/{key}/automation",
  summary: "Replace the automation rules. Automatic moves obey WIP limits and the Definition of Done; a refused one flags the card",
  tag: "Definition of Done",
  role: "PRODUCT_OWNER",
  params: projectParams,
  body: automationSchema,
  example: { rules: [{ trigger: "deployed", environment: "production", toColumnId: "<column id>" }] },
});

export const dodEndpoints = [getDodEndpoint, putDodEndpoint, tickItemEndpoint, addItemEndpoint, getAutomationEndpoint, putAutomationEndpoint];
