// Team routes: invitations (create, list, revoke), members (list, change role, remove) and the
// team's name. Each: success, bad input (400/422, nothing written), no credentials (401), another
// team (404) and a role too low (403, nothing written). Plus the owner rules of issue 11 item 9.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as invitationRoute from "@/app/api/v1/teams/[teamId]/invitations/[id]/route";
import * as invitationsRoute from "@/app/api/v1/teams/[teamId]/invitations/route";
import * as memberRoute from "@/app/api/v1/teams/[teamId]/members/[userId]/route";
import * as membersRoute from "@/app/api/v1/teams/[teamId]/members/route";
import * as teamRoute from "@/app/api/v1/teams/[teamId]/route";
import type { TeamRole } from "@/lib/domain/roles";
import { acceptInvitation, findInvitation } from "@/lib/server/services/teams";
import { call, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { makeTeam, makeUser, makeWorld } from "@/prisma/factories";

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makeWorld>>;
let other: Awaited<ReturnType<typeof makeWorld>>;
const tokens = {} as Record<TeamRole | "STRANGER", string>;
let counter = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeWorld("TEAMS");
  other = await makeWorld("OTHER");
  for (const role of ["OWNER", "ADMIN", "PRODUCT_OWNER", "MEMBER", "VIEWER"] as const) tokens[role] = await tokenFor(world.users[role].id);
  tokens.STRANGER = await tokenFor(other.users.OWNER.id);
});
afterAll(() => database.dispose());

const team = () => world.team.id;
const snapshot = async () => ({
  team: await database.prisma.team.findUniqueOrThrow({ where: { id: team() }, select: { name: true } }),
  memberships: await database.prisma.membership.findMany({ where: { teamId: team() }, select: { userId: true, role: true }, orderBy: { userId: "asc" } }),
  invitations: await database.prisma.invitation.findMany({ where: { teamId: team() }, orderBy: { id: "asc" } }),
});
/** A fresh member of the test team with `role`. */
async function joined(role: TeamRole) {
  const user = await makeUser({ email: `joined-${++counter}@test.example`, name: `Joined ${counter}` });
  await database.prisma.membership.create({ data: { teamId: team(), userId: user.id, role } });
  return user;
}
const roleOf = async (userId: string) => (await database.prisma.membership.findUnique({ where: { teamId_userId: { teamId: team(), userId } } }))?.role ?? null;
const invite = (body: unknown, token = tokens.ADMIN, teamId = team()) =>
  call(invitationsRoute.POST, { method: "POST", params: { teamId }, body, auth: token ? { token } : {} });

describe("POST /teams/{teamId}/invitations", () => {
  it("creates an invitation whose one-time link lets a new user join with the invited role", async () => {
    const res = await invite({ email: "New.Dev@Example.com", role: "PRODUCT_OWNER" });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({ email: "new.dev@example.com", role: "PRODUCT_OWNER", url: expect.stringMatching(/^http:\/\/localhost\/invite\/inv_/) });
    const token = res.json.url.split("/invite/")[1];
    const stored = await database.prisma.invitation.findUniqueOrThrow({ where: { id: res.json.id } });
    expect(stored.tokenHash).not.toContain(token);
    const newcomer = await makeUser({ email: "new.dev@example.com" });
    await acceptInvitation(newcomer.actor, token);
    expect(await roleOf(newcomer.id)).toBe("PRODUCT_OWNER");
  });

  it.each([
    ["a malformed email", { email: "not-an-email", role: "MEMBER" }, "email"],
    ["an unknown role", { email: "a@example.com", role: "KING" }, "role"],
    ["an owner invitation", { email: "a@example.com", role: "OWNER" }, "role"],
    ["an unexpected field", { email: "a@example.com", teamId: "x" }, ""],
  ])("refuses %s with 422 and writes nothing", async (_name, body, path) => {
    const before = await snapshot();
    const res = await invite(body);
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("VALIDATION_FAILED");
    if (path) expect(res.json.error.details.map((issue: { path: string }) => issue.path)).toContain(path);
    expect(await snapshot()).toEqual(before);
  });

  it("answers malformed JSON with 400 and writes nothing", async () => {
    const before = await snapshot();
    const res = await call(invitationsRoute.POST, { method: "POST", params: { teamId: team() }, rawBody: "{\"email\":", auth: { token: tokens.ADMIN } });
    expect(res.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a caller without credentials (401), another team's owner (404) and a product owner (403), writing nothing", async () => {
    const before = await snapshot();
    expect((await invite({ email: "x@example.com" }, "")).status).toBe(401);
    const stranger = await invite({ email: "x@example.com" }, tokens.STRANGER);
    expect(stranger.status).toBe(404);
    expect(JSON.stringify(stranger.json)).not.toContain(world.team.name);
    expect((await invite({ email: "x@example.com" }, tokens.PRODUCT_OWNER)).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("lets only an owner invite an admin", async () => {
    const before = await snapshot();
    expect((await invite({ email: "boss@example.com", role: "ADMIN" })).status).toBe(403);
    expect(await snapshot()).toEqual(before);
    expect((await invite({ email: "boss@example.com", role: "ADMIN" }, tokens.OWNER)).status).toBe(201);
  });

  it("refuses to invite someone already in the team (409)", async () => {
    const res = await invite({ email: world.users.MEMBER.email });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("ALREADY_MEMBER");
  });
});

describe("GET /teams/{teamId}/invitations", () => {
  const list = (token: string, teamId = team()) => call(invitationsRoute.GET, { params: { teamId }, auth: token ? { token } : {} });

  it("lists pending invitations for admins, without their links", async () => {
    const created = await invite({ email: "listed@example.com" });
    const res = await list(tokens.ADMIN);
    expect(res.status).toBe(200);
    expect(res.json.invitations).toContainEqual({ id: created.json.id, email: "listed@example.com", role: "MEMBER", expiresAt: created.json.expiresAt });
    expect(JSON.stringify(res.json)).not.toMatch(/inv_|tokenHash/);
  });

  it("refuses no credentials (401), another team (404), a member (403), a malformed team id (422)", async () => {
    expect((await list("")).status).toBe(401);
    expect((await list(tokens.STRANGER)).status).toBe(404);
    expect((await list(tokens.MEMBER)).status).toBe(403);
    expect((await list(tokens.ADMIN, "x".repeat(65))).status).toBe(422);
  });
});

describe("DELETE /teams/{teamId}/invitations/{id}", () => {
  const revoke = (id: string, token: string, teamId = team()) => call(invitationRoute.DELETE, { method: "DELETE", params: { teamId, id }, auth: token ? { token } : {} });

  it("revokes: the link stops working and the invitation leaves the list", async () => {
    const created = await invite({ email: "revoked@example.com" });
    const res = await revoke(created.json.id, tokens.ADMIN);
    expect(res.status).toBe(200);
    await expect(findInvitation(created.json.url.split("/invite/")[1])).rejects.toMatchObject({ status: 404 });
    const listed = await call(invitationsRoute.GET, { params: { teamId: team() }, auth: { token: tokens.ADMIN } });
    expect(listed.json.invitations.map((i: { id: string }) => i.id)).not.toContain(created.json.id);
  });

  it("refuses no credentials (401), a member (403), another team's admin (404) and another team's invitation through this team (404), writing nothing", async () => {
    const created = await invite({ email: "kept@example.com" });
    const foreign = await invite({ email: "foreign@example.com" }, tokens.STRANGER, other.team.id);
    const before = await snapshot();
    expect((await revoke(created.json.id, "")).status).toBe(401);
    expect((await revoke(created.json.id, tokens.MEMBER)).status).toBe(403);
    expect((await revoke(created.json.id, tokens.STRANGER)).status).toBe(404);
    expect((await revoke(foreign.json.id, tokens.ADMIN)).status).toBe(404);
    expect((await revoke("\u0000", tokens.ADMIN)).status).toBe(422);
    expect(await snapshot()).toEqual(before);
    expect(await database.prisma.invitation.findUniqueOrThrow({ where: { id: foreign.json.id } })).toMatchObject({ revokedAt: null });
  });
});

describe("GET /teams/{teamId}/members", () => {
  it("lists names, emails and roles for any member; 401 without credentials; 404 for another team", async () => {
    const res = await call(membersRoute.GET, { params: { teamId: team() }, auth: { token: tokens.VIEWER } });
    expect(res.status).toBe(200);
    expect(res.json.members).toContainEqual({ id: world.users.OWNER.id, name: world.users.OWNER.name, email: world.users.OWNER.email, role: "OWNER" });
    expect((await call(membersRoute.GET, { params: { teamId: team() } })).status).toBe(401);
    expect((await call(membersRoute.GET, { params: { teamId: team() }, auth: { token: tokens.STRANGER } })).status).toBe(404);
  });
});

describe("members: roles and removal (only an owner manages admins; the last owner stays)", () => {
  const patch = (userId: string, body: unknown, token: string) => call(memberRoute.PATCH, { method: "PATCH", params: { teamId: team(), userId }, body, auth: token ? { token } : {} });
  const remove = (userId: string, token: string) => call(memberRoute.DELETE, { method: "DELETE", params: { teamId: team(), userId }, auth: token ? { token } : {} });

  it("an admin changes a member's role and removes a member, who then loses access", async () => {
    const person = await joined("MEMBER");
    expect((await patch(person.id, { role: "PRODUCT_OWNER" }, tokens.ADMIN)).status).toBe(200);
    expect(await roleOf(person.id)).toBe("PRODUCT_OWNER");
    expect((await remove(person.id, tokens.ADMIN)).status).toBe(200);
    expect(await roleOf(person.id)).toBeNull();
    const theirToken = await tokenFor(person.id);
    expect((await call(membersRoute.GET, { params: { teamId: team() }, auth: { token: theirToken } })).status).toBe(404);
  });

  it.each([
    ["demote another admin", "ADMIN", (id: string) => patch(id, { role: "MEMBER" }, tokens.ADMIN)],
    ["remove another admin", "ADMIN", (id: string) => remove(id, tokens.ADMIN)],
    ["make a member an admin", "MEMBER", (id: string) => patch(id, { role: "ADMIN" }, tokens.ADMIN)],
    ["make a member an owner", "MEMBER", (id: string) => patch(id, { role: "OWNER" }, tokens.ADMIN)],
    ["demote an owner", "OWNER", (id: string) => patch(id, { role: "ADMIN" }, tokens.ADMIN)],
  ] as const)("an admin cannot %s (403, nothing written)", async (_name, role, act) => {
    const target = await joined(role);
    const before = await snapshot();
    const res = await act(target.id);
    expect(res.status).toBe(403);
    expect(res.json.error.message).toMatch(/owner/i);
    expect(await snapshot()).toEqual(before);
  });

  it("an owner demotes and removes an admin", async () => {
    const admin = await joined("ADMIN");
    expect((await patch(admin.id, { role: "MEMBER" }, tokens.OWNER)).status).toBe(200);
    expect(await roleOf(admin.id)).toBe("MEMBER");
    const another = await joined("ADMIN");
    expect((await remove(another.id, tokens.OWNER)).status).toBe(200);
    expect(await roleOf(another.id)).toBeNull();
  });

  /** A team of its own with `owners` owners, so earlier cases cannot change its owner count. */
  async function ownedTeam(owners: number) {
    const users = await Promise.all(Array.from({ length: owners }, () => makeUser({ email: `owner-${++counter}@test.example` })));
    const created = await makeTeam(`Owned ${counter}`, users.map((user) => ({ userId: user.id, role: "OWNER" as const })));
    return { teamId: created.id, users, tokens: await Promise.all(users.map((user) => tokenFor(user.id))) };
  }
  const patchIn = (teamId: string, userId: string, body: unknown, token: string) => call(memberRoute.PATCH, { method: "PATCH", params: { teamId, userId }, body, auth: { token } });
  const removeIn = (teamId: string, userId: string, token: string) => call(memberRoute.DELETE, { method: "DELETE", params: { teamId, userId }, auth: { token } });
  const owners = (teamId: string) => database.prisma.membership.count({ where: { teamId, role: "OWNER" } });

  it("nobody removes or demotes the last owner (409 LAST_OWNER); with two owners one may go", async () => {
    const solo = await ownedTeam(1);
    const sole = solo.users[0]!.id;
    for (const res of [await patchIn(solo.teamId, sole, { role: "ADMIN" }, solo.tokens[0]!), await removeIn(solo.teamId, sole, solo.tokens[0]!)]) {
      expect(res.status).toBe(409);
      expect(res.json.error.code).toBe("LAST_OWNER");
    }
    expect(await owners(solo.teamId)).toBe(1);
    const pair = await ownedTeam(2);
    expect((await removeIn(pair.teamId, pair.users[1]!.id, pair.tokens[0]!)).status).toBe(200);
    expect((await removeIn(pair.teamId, pair.users[0]!.id, pair.tokens[0]!)).status).toBe(409);
    expect(await owners(pair.teamId)).toBe(1);
  });

  it("two owners demoting each other at the same time leave one owner", async () => {
    const pair = await ownedTeam(2);
    const [a, b] = pair.users;
    const results = await Promise.all([patchIn(pair.teamId, b!.id, { role: "MEMBER" }, pair.tokens[0]!), patchIn(pair.teamId, a!.id, { role: "MEMBER" }, pair.tokens[1]!)]);
    // The loser is refused either as no longer an owner (403) or as the last owner's demoter (409).
    const [first, second] = results.map((r) => r.status).sort();
    expect(first).toBe(200);
    expect([403, 409]).toContain(second);
    expect(await owners(pair.teamId)).toBe(1);
  });

  it("refuses bad input (422), no credentials (401), another team (404), a product owner (403) and an unknown member (404), writing nothing", async () => {
    const person = await joined("MEMBER");
    const before = await snapshot();
    const bad = await patch(person.id, { role: "KING" }, tokens.ADMIN);
    expect(bad.status).toBe(422);
    expect(bad.json.error.details[0].path).toBe("role");
    expect((await patch(person.id, { role: "VIEWER" }, "")).status).toBe(401);
    expect((await remove(person.id, "")).status).toBe(401);
    expect((await patch(person.id, { role: "VIEWER" }, tokens.STRANGER)).status).toBe(404);
    expect((await remove(person.id, tokens.STRANGER)).status).toBe(404);
    expect((await patch(person.id, { role: "VIEWER" }, tokens.PRODUCT_OWNER)).status).toBe(403);
    expect((await remove(person.id, tokens.PRODUCT_OWNER)).status).toBe(403);
    expect((await remove(other.users.MEMBER.id, tokens.ADMIN)).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });
});

describe("PATCH /teams/{teamId}", () => {
  const rename = (body: unknown, token: string) => call(teamRoute.PATCH, { method: "PATCH", params: { teamId: team() }, body, auth: token ? { token } : {} });

  it("an admin renames the team", async () => {
    const res = await rename({ name: "  Checkout squad " }, tokens.ADMIN);
    expect(res.status).toBe(200);
    expect(res.json.name).toBe("Checkout squad");
    expect((await database.prisma.team.findUniqueOrThrow({ where: { id: team() } })).name).toBe("Checkout squad");
  });

  it("refuses an empty name (422), no credentials (401), another team (404) and a product owner (403), writing nothing", async () => {
    const before = await snapshot();
    const bad = await rename({ name: "   " }, tokens.ADMIN);
    expect(bad.status).toBe(422);
    expect(bad.json.error.details[0].path).toBe("name");
    expect((await rename({ name: "x".repeat(101) }, tokens.ADMIN)).status).toBe(422);
    expect((await rename({ name: "Mine" }, "")).status).toBe(401);
    expect((await rename({ name: "Mine" }, tokens.STRANGER)).status).toBe(404);
    expect((await rename({ name: "Mine" }, tokens.PRODUCT_OWNER)).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});

