// Input PostgreSQL cannot store or a column cannot hold must be refused with a 4xx in the API's
// error shape, and change nothing: a NUL character (U+0000) in every string field, query
// parameter and path parameter of every /api/v1 endpoint, in the unauthenticated webhook URL, an
// integer past PostgreSQL's range, and a JSON body sent to the sign-in form's callback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import type { EndpointSpec } from "@/lib/api/endpoint";
import { allEndpoints } from "@/lib/api/endpoints";
import { call } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { makeTeam, makeUser, makeWorld } from "@/prisma/factories";
import { handlerFor } from "./support/api-routes";
import { databaseFingerprint, matrixFixtures, type MatrixWorld } from "./support/matrix-fixtures";
import { postWebhook } from "./webhooks-support";

const NUL = "with\u0000nul";

let database: TestDatabase;
let world: MatrixWorld;
beforeAll(async () => {
  database = await openTestDatabase();
  const base = await makeWorld("NUL", "scrum");
  const outsider = await makeUser({ email: "outsider@nul.example" });
  await makeTeam("Elsewhere", [{ userId: outsider.id, role: "OWNER" }]);
  world = { ...base, outsider };
});
afterAll(() => database.dispose());

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[]; enum?: unknown[] };
type Path = Array<string | number>;

/** Paths to every place a string may go in a body schema (array items at index 0). */
function stringPaths(schema: JsonSchema, path: Path = []): Path[] {
  const variants = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  const types = [schema.type].flat();
  const here: Path[] = types.includes("string") || schema.enum?.some((value) => typeof value === "string") ? [path] : [];
  const inProperties = Object.entries(schema.properties ?? {}).flatMap(([key, property]) => stringPaths(property, [...path, key]));
  const inItems = schema.items ? stringPaths(schema.items, [...path, 0]) : [];
  const inVariants = variants.flatMap((variant) => stringPaths(variant, path));
  const unique = new Map([...here, ...inProperties, ...inItems, ...inVariants].map((p) => [JSON.stringify(p), p]));
  return [...unique.values()];
}

function withValueAt(body: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const container: Record<string | number, unknown> = typeof head === "number" ? [...((Array.isArray(body) ? body : []) as unknown[])] as unknown as Record<number, unknown> : { ...((body ?? {}) as object) };
  container[head!] = withValueAt(container[head!], rest, value);
  return container;
}

const auth = (spec: EndpointSpec) => ({ sessionUserId: world.users[spec.role ?? "OWNER"].id });

async function expectRefused(spec: EndpointSpec, request: { params: Record<string, string>; body?: unknown; query?: string }) {
  const before = await databaseFingerprint(database);
  const res = await call(handlerFor(spec), { method: spec.method, params: request.params, path: `/api/v1${spec.path}${request.query ?? ""}`, body: request.body, auth: auth(spec) });
  expect(res.status, JSON.stringify(res.json)).toBeGreaterThanOrEqual(400);
  expect(res.status, JSON.stringify(res.json)).toBeLessThan(500);
  expect(res.json).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
  expect(await databaseFingerprint(database)).toEqual(before);
  return res;
}

const cases = allEndpoints.flatMap((spec) => {
  const name = `${spec.method} ${spec.path}`;
  const params = Object.keys(spec.params?.shape ?? {}).map((param) => [name, `path {${param}}`, spec, { param }] as const);
  const query = Object.keys(spec.query?.shape ?? {}).map((key) => [name, `query ${key}`, spec, { query: key }] as const);
  const body = spec.body ? stringPaths(z.toJSONSchema(spec.body, { io: "input", unrepresentable: "any" }) as JsonSchema).map((path) => [name, `body ${path.join(".") || "(whole)"}`, spec, { body: path }] as const) : [];
  return [...params, ...query, ...body];
});

describe("a NUL character anywhere in a request", () => {
  it("covers every endpoint", () => {
    expect(new Set(cases.map(([name]) => name)).size).toBe(allEndpoints.filter((spec) => spec.params || spec.query || spec.body).length);
  });

  it.each(cases)("%s: %s is refused with 4xx and changes nothing", async (_name, _where, spec, at) => {
    const fixture = await matrixFixtures.prepare(spec, world, world.users[spec.role ?? "OWNER"].id);
    if ("param" in at) {
      await expectRefused(spec, { params: { ...fixture.params, [at.param]: `${fixture.params[at.param]}\u0000` }, body: spec.body ? fixture.body : undefined });
    } else if ("query" in at) {
      await expectRefused(spec, { params: fixture.params, body: spec.body ? fixture.body : undefined, query: `?${at.query}=${encodeURIComponent(NUL)}` });
    } else {
      const res = await expectRefused(spec, { params: fixture.params, body: withValueAt(fixture.body ?? {}, at.body, NUL) });
      expect(res.status).toBe(422);
    }
  });
});

describe("other input that used to answer 500", () => {
  it("refuses a NUL integration id in the unauthenticated webhook URL with 404", async () => {
    const before = await databaseFingerprint(database);
    const res = await postWebhook("github", "\u0000", "{}", { "content-type": "application/json" });
    expect(res).toEqual({ status: 404, json: { error: { code: "NOT_FOUND", message: "Webhook not found." } } });
    expect(await databaseFingerprint(database)).toEqual(before);
  });

  it.each(["PATCH /cards/{cardKey}", "POST /cards/{cardKey}/move"])("refuses version 2147483648 on %s with 422", async (route) => {
    const spec = allEndpoints.find((s) => `${s.method} ${s.path}` === route)!;
    const fixture = await matrixFixtures.prepare(spec, world, world.users.MEMBER.id);
    const res = await expectRefused(spec, { params: fixture.params, body: { ...(fixture.body as object), version: 2_147_483_648 } });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([expect.objectContaining({ path: "version" })]);
  });

  it("refuses a NUL character in the sign-in form with 422 and counts no failed sign-in", async () => {
    const before = await databaseFingerprint(database);
    const throttled = await database.prisma.rateLimit.count();
    const body = new URLSearchParams({ email: "po\u0000@example.com", password: "x" });
    const req = new Request("http://localhost/api/auth/callback/credentials", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    const res = await authRoute.POST(req as Parameters<typeof authRoute.POST>[0]);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: { code: "VALIDATION_FAILED", message: expect.any(String), details: [{ path: "email", message: expect.stringContaining("NUL") }] } });
    expect(await databaseFingerprint(database)).toEqual(before);
    expect(await database.prisma.rateLimit.count()).toBe(throttled);
  });

  it("refuses a JSON body on the sign-in callback with 415 and counts no failed sign-in", async () => {
    const before = await databaseFingerprint(database);
    const throttled = await database.prisma.rateLimit.count();
    const req = new Request("http://localhost/api/auth/callback/credentials", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "po@example.com", password: "x" }) });
    const res = await authRoute.POST(req as Parameters<typeof authRoute.POST>[0]);
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: { code: "UNSUPPORTED_MEDIA_TYPE", message: expect.any(String) } });
    expect(await databaseFingerprint(database)).toEqual(before);
    expect(await database.prisma.rateLimit.count()).toBe(throttled);
  });
});
