// OpenAPI 3.1 document built from the same endpoint specs (and zod schemas) that validate requests.
import { z } from "zod";
import type { EndpointSpec } from "./endpoint";

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
    },
  },
};

const toSchema = (schema: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

function parameters(spec: EndpointSpec) {
  const list: object[] = [];
  for (const [name, schema] of Object.entries(spec.params?.shape ?? {})) {
    list.push({ name, in: "path", required: true, schema: toSchema(schema as z.ZodType) });
  }
  for (const [name, schema] of Object.entries(spec.query?.shape ?? {})) {
    list.push({ name, in: "query", required: false, schema: toSchema(schema as z.ZodType) });
  }
  return list;
}

function operation(spec: EndpointSpec) {
  const status = String(spec.status ?? 200);
  const errors = {
    "400": { description: "Malformed JSON", content: { "application/json": { schema: errorSchema } } },
    "401": { description: "No or invalid credentials", content: { "application/json": { schema: errorSchema } } },
    "403": { description: "Your role does not allow this", content: { "application/json": { schema: errorSchema } } },
    "404": { description: "Not found (or not visible to you)", content: { "application/json": { schema: errorSchema } } },
    "422": { description: "Validation failed; `details` lists `{ path, message }`", content: { "application/json": { schema: errorSchema } } },
  };
  return {
    summary: spec.summary,
    tags: [spec.tag],
    ...(spec.role ? { description: `Requires the team role ${spec.role} or above.` } : {}),
    parameters: parameters(spec),
    ...(spec.body
      ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(spec.body), ...(spec.example ? { example: spec.example } : {}) } } } }
      : {}),
    responses: {
      [status]: { description: "Success", content: { "application/json": { schema: spec.response ? toSchema(spec.response) : {} } } },
      ...errors,
    },
    security: spec.sessionOnly ? [{ session: [] }] : [{ bearer: [] }, { session: [] }],
  };
}

export function buildOpenApi(endpoints: EndpointSpec[], extraPaths: Record<string, object> = {}) {
  const paths: Record<string, Record<string, object>> = {};
  for (const spec of endpoints) {
    const path = `/api/v1${spec.path}`;
    paths[path] = { ...paths[path], [spec.method.toLowerCase()]: operation(spec) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Shipboard API",
      version: "1",
      description: "REST API for scripts and CI. Authenticate with a personal API token (`Authorization: Bearer sb_…`) or the browser session. Errors are `{ error: { code, message, details? } }`.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "Personal API token from Settings → API tokens" },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
    },
    paths: { ...paths, ...extraPaths },
  };
}
