// The authorization matrix: every /api/v1 endpoint is called without credentials, with a revoked
// token, by a member of another team, by a viewer (writes) and by the right role. Refusals must
// write nothing; the right role must succeed. A second check proves every route file is listed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EndpointSpec } from "@/lib/api/endpoint";
import { allEndpoints } from "@/lib/api/endpoints";
import type { TeamRole } from "@/lib/domain/roles";
import { call, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { revokeApiToken } from "@/lib/server/services/api-tokens";
import { makeTeam, makeUser, makeWorld } from "@/prisma/factories";
import { handlerFor, routeFileFor, routeModules } from "./support/api-routes";
import { databaseFingerprint, matrixFixtures, type MatrixWorld } from "./support/matrix-fixtures";

let database: TestDatabase;
let world: MatrixWorld;
let tokens: Record<TeamRole | "outsider" | "revoked", string>;

beforeAll(async () => {
  database = await openTestDatabase();
  const base = await makeWorld("MTX", "scrum");
  const outsider = await makeUser({ email: "outsider@test.example" });
  await makeTeam("Elsewhere", [{ userId: outsider.id, role: "OWNER" }]);
  world = { ...base, outsider };
  const revokedUser = world.users.ADMIN.id;
  const revoked = await tokenFor(revokedUser);
  const revokedRow = await database.prisma.apiToken.findFirstOrThrow({ where: { userId: revokedUser }, orderBy: { createdAt: "desc" } });
  await revokeApiToken({ userId: revokedUser, via: "session" }, revokedRow.id);
  tokens = {
    OWNER: await tokenFor(world.users.OWNER.id),
    ADMIN: await tokenFor(world.users.ADMIN.id),
    PRODUCT_OWNER: await tokenFor(world.users.PRODUCT_OWNER.id),
    MEMBER: await tokenFor(world.users.MEMBER.id),
    VIEWER: await tokenFor(world.users.VIEWER.id),
    outsider: await tokenFor(outsider.id),
    revoked,
  };
});
afterAll(() => database.dispose());

type Auth = { token?: string; sessionUserId?: string } | undefined;

/** Prepares the resources first, then fingerprints the database, then sends the request. */
async function request(spec: EndpointSpec, auth: Auth, userId: string | null) {
  const fixture = await matrixFixtures.prepare(spec, world, userId);
  const before = await databaseFingerprint(database);
  const res = await call(handlerFor(spec), {
    method: spec.method,
    params: fixture.params,
    path: `/api/v1${spec.path}${fixture.query ?? ""}`,
    body: spec.body ? fixture.body : undefined,
    auth,
  });
  const wroteNothing = async () => expect(await databaseFingerprint(database)).toEqual(before);
  return { ...res, wroteNothing };
}

describe("every API route file is described by an endpoint spec", () => {
  it("has a spec for each exported method", () => {
    const described = new Set(allEndpoints.map((spec) => `${spec.method} ${routeFileFor(spec.path)}`));
    const exported = Object.entries(routeModules).flatMap(([file, module]) =>
      Object.keys(module).filter((name) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(name)).map((method) => `${method} ${file}`),
    );
    const undocumented = exported.filter((entry) => !described.has(entry) && !entry.includes("/openapi.json/"));
    expect(undocumented).toEqual([]);
  });
});

describe.each(allEndpoints.map((spec) => [`${spec.method} ${spec.path}`, spec] as const))("%s", (_name, spec) => {
  const isWrite = spec.method !== "GET";
  const rightRole: TeamRole = spec.role ?? "MEMBER";
  const rightAuth = () => (spec.sessionOnly ? { sessionUserId: world.users[rightRole].id } : { token: tokens[rightRole] });

  it("refuses a caller without credentials (401) and writes nothing", async () => {
    const res = await request(spec, undefined, world.users[rightRole].id);
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("UNAUTHORIZED");
    await res.wroteNothing();
  });

  it("refuses a revoked token (401)", async () => {
    const res = await request(spec, { token: tokens.revoked }, world.users.ADMIN.id);
    expect(res.status).toBe(401);
  });

  if (spec.role !== null || spec.path.includes("{id}")) it("answers 404 to a member of another team and writes nothing", async () => {
    const auth = spec.sessionOnly ? { sessionUserId: world.outsider.id } : { token: tokens.outsider };
    const res = await request(spec, auth, world.users[rightRole].id);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.json)).not.toContain(world.project.projectId);
    await res.wroteNothing();
  });

  if (isWrite && spec.role !== null && spec.role !== "VIEWER") it("refuses a viewer (403) and writes nothing", async () => {
    const res = await request(spec, { token: tokens.VIEWER }, world.users[rightRole].id);
    expect(res.status).toBe(403);
    await res.wroteNothing();
  });

  it(`succeeds for ${rightRole}`, async () => {
    const res = await request(spec, rightAuth(), world.users[rightRole].id);
    expect(res.status, JSON.stringify(res.json)).toBe(spec.status ?? 200);
  });

  if (spec.body) {
    it("answers malformed JSON with 400 INVALID_JSON and writes nothing", async () => {
      const fixture = await matrixFixtures.prepare(spec, world, world.users[rightRole].id);
      const before = await databaseFingerprint(database);
      const res = await call(handlerFor(spec), { method: spec.method, params: fixture.params, rawBody: '{"title": ', auth: rightAuth() });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("INVALID_JSON");
      expect(await databaseFingerprint(database)).toEqual(before);
    });

    it("answers wrong types with 422 naming the field and writes nothing", async () => {
      const fixture = await matrixFixtures.prepare(spec, world, world.users[rightRole].id);
      const fields = Object.keys((fixture.body as object) ?? {});
      const wrong = fields.length ? Object.fromEntries(fields.map((field) => [field, { wrong: ["type"] }])) : ["not", "an", "object"];
      const before = await databaseFingerprint(database);
      const res = await call(handlerFor(spec), { method: spec.method, params: fixture.params, body: wrong, auth: rightAuth() });
      expect(res.status).toBe(422);
      expect(res.json.error.code).toBe("VALIDATION_FAILED");
      const paths = res.json.error.details.map((issue: { path: string }) => issue.path);
      expect(fields.length === 0 || paths.some((path: string) => fields.includes(path.split(".")[0]!))).toBe(true);
      expect(await databaseFingerprint(database)).toEqual(before);
    });
  }

  if (spec.path.includes("{key}")) {
    it("answers an unknown project key with 404 and writes nothing", async () => {
      const fixture = await matrixFixtures.prepare(spec, world, world.users[rightRole].id);
      const before = await databaseFingerprint(database);
      const res = await call(handlerFor(spec), { method: spec.method, params: { ...fixture.params, key: "NOSUCH" }, path: `/api/v1${spec.path}${fixture.query ?? ""}`, body: spec.body ? fixture.body : undefined, auth: rightAuth() });
      expect(res.status).toBe(404);
      expect(await databaseFingerprint(database)).toEqual(before);
    });
  }
});

describe("card text limits on every card write route", () => {
  const cardWrites = allEndpoints.filter((spec) => ["POST /projects/{key}/cards", "PATCH /cards/{cardKey}"].includes(`${spec.method} ${spec.path}`));
  it.each(cardWrites.flatMap((spec) => [
    [spec, "title", "x".repeat(501)],
    [spec, "description", "y".repeat(50_001)],
  ] as const))("%#: %s refuses an over-long %s", async (spec, field, value) => {
    const fixture = await matrixFixtures.prepare(spec, world, world.users.MEMBER.id);
    const before = await databaseFingerprint(database);
    const body = { ...(fixture.body as object), title: "ok", [field]: value };
    const res = await call(handlerFor(spec), { method: spec.method, params: fixture.params, body, auth: { token: tokens.MEMBER } });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([expect.objectContaining({ path: field })]);
    expect(await databaseFingerprint(database)).toEqual(before);
  });
});
