// Moving in and out: imports from Trello, Jira, Linear or a Shipboard export, and the export.
import { idParams, projectParams } from "@/lib/validation/common";
import { createImportSchema, exportQuery } from "@/lib/validation/imports";
import { defineEndpoint } from "../endpoint";

const EXAMPLE_BOARD = JSON.stringify({ name: "Roadmap", lists: [{ id: "l1", name: "To do", pos: 1 }], cards: [{ id: "c1", name: "First card", idList: "l1", pos: 1 }], actions: [] });

export const createImportEndpoint = defineEndpoint({
  method: "POST",
  path: "/projects/{key}/imports",
  summary:
    "Import a file (multipart/form-data or JSON): `source` (trello, jira-csv, jira-json, linear-csv, shipboard), `file` (at most 100 MB), `dryRun` (default true: answers a `preview` and writes no card), `mapping` (columns and people). A file that cannot be read is a 422 and nothing is stored; a run is queued (202) and followed with GET /imports/{id}",
  tag: "Import and export",
  role: "PRODUCT_OWNER",
  params: projectParams,
  body: createImportSchema,
  status: 202,
  example: { source: "trello", file: EXAMPLE_BOARD, dryRun: true },
});
export const getImportEndpoint = defineEndpoint({
  method: "GET",
  path: "/imports/{id}",
  summary: "An import's status (queued, running, succeeded, failed), progress in percent, summary and warnings",
  tag: "Import and export",
  role: "PRODUCT_OWNER",
  params: idParams,
});
export const exportEndpoint = defineEndpoint({
  method: "GET",
  path: "/projects/{key}/export",
  summary: "The project, streamed: `format=json` is versioned Shipboard JSON (importable, lossless); `format=csv` is one row per card with the date it entered each stage",
  tag: "Import and export",
  role: "MEMBER",
  params: projectParams,
  query: exportQuery,
});

export const importEndpoints = [createImportEndpoint, getImportEndpoint, exportEndpoint];
