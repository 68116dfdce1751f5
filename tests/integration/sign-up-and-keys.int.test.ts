// Sign-up answers the same whether or not an email is registered (and writes nothing for one that
// is); project keys are unique across the instance and a refusal says so and suggests a free key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as projectsRoute from "@/app/api/v1/projects/route";
import { signUp } from "@/lib/server/services/users";
import { verifyPassword } from "@/lib/server/passwords";
import { call, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { makeProject, makeUser, makeWorld } from "@/prisma/factories";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.dispose());

const accounts = async () => ({
  users: await database.prisma.user.findMany({ orderBy: { id: "asc" } }),
  teams: await database.prisma.team.findMany({ orderBy: { id: "asc" } }),
  memberships: await database.prisma.membership.findMany({ orderBy: { id: "asc" } }),
});

describe("signUp", () => {
  it("creates the account and the team the person named", async () => {
    await signUp({ name: "Nora Quinn", email: "nora@example.com", password: "a-long-password", teamName: "Checkout squad" });
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "nora@example.com" }, include: { memberships: { include: { team: true } } } });
    expect(user.memberships.map((m) => [m.team.name, m.role])).toEqual([["Checkout squad", "OWNER"]]);
  });

  it("creates no team for someone joining by invitation (no team name)", async () => {
    await signUp({ name: "Ivy Invitee", email: "ivy@example.com", password: "a-long-password" });
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "ivy@example.com" }, include: { memberships: true } });
    expect(user.memberships).toEqual([]);
  });

  it("answers a registered email exactly as a new one, and changes nothing", async () => {
    const fresh = await signUp({ name: "Fresh", email: "fresh@example.com", password: "a-long-password", teamName: "Fresh team" });
    const before = await accounts();
    const again = await signUp({ name: "Mallory", email: "fresh@example.com", password: "another-password", teamName: "Takeover" });
    expect(again).toEqual(fresh);
    expect(await accounts()).toEqual(before);
    const stored = await database.prisma.user.findUniqueOrThrow({ where: { email: "fresh@example.com" } });
    expect(await verifyPassword("a-long-password", stored.passwordHash!)).toBe(true);
  });

  it("two sign-ups of one email at the same moment make one account and both answer the same", async () => {
    const answers = await Promise.all([1, 2].map((n) => signUp({ name: `Twin ${n}`, email: "twin@example.com", password: "a-long-password", teamName: `Twin ${n}` })));
    expect(answers).toEqual([undefined, undefined]);
    expect(await database.prisma.user.count({ where: { email: "twin@example.com" } })).toBe(1);
  });
});

describe("project keys are unique across the instance", () => {
  it("refuses a key another team uses with 409, says keys are instance-wide, suggests a free key, writes nothing", async () => {
    const elsewhere = await makeWorld("SHOP");
    const me = await makeUser({ email: "po@example.com" });
    const team = await database.prisma.team.create({ data: { name: "Mine", slug: "mine-x1", memberships: { create: { userId: me.id, role: "OWNER" } } } });
    await makeProject(elsewhere.users.OWNER.actor, { teamId: elsewhere.team.id, key: "SHOP2" });
    const before = await database.prisma.project.count();
    const res = await call(projectsRoute.POST, { method: "POST", body: { key: "shop", name: "Shop", teamId: team.id }, auth: { token: await tokenFor(me.id) } });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("PROJECT_KEY_TAKEN");
    expect(res.json.error.message).toMatch(/unique across this whole Shipboard instance/);
    expect(res.json.error.message).not.toContain(elsewhere.team.name);
    expect(res.json.error.details).toEqual({ suggestion: "SHOP3" });
    expect(await database.prisma.project.count()).toBe(before);
    const retry = await call(projectsRoute.POST, { method: "POST", body: { key: "SHOP3", name: "Shop", teamId: team.id }, auth: { token: await tokenFor(me.id) } });
    expect(retry.status).toBe(201);
  });
});
