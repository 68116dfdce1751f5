// Issue 11 item 7: GitHub sign-in links to an existing account only while signed in to it; an email
// match alone (or an unverified address) never gives a GitHub account someone else's account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureUserForGithub } from "@/lib/server/services/users";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { makeUser } from "@/prisma/factories";

let database: TestDatabase;
beforeAll(async () => (database = await openTestDatabase()));
afterAll(() => database.dispose());

const githubIdOf = async (id: string) => (await database.prisma.user.findUniqueOrThrow({ where: { id }, select: { githubId: true } })).githubId;

describe("GitHub sign-in", () => {
  it("does not take over a password account whose email it shares, while signed out", async () => {
    const owner = await makeUser({ email: "owner@example.com", password: "owner-password" });
    await expect(ensureUserForGithub({ githubId: "666", verifiedEmail: "owner@example.com", name: "Mallory", signedInUserId: null })).rejects.toMatchObject({ code: "EMAIL_IN_USE", status: 403 });
    expect(await githubIdOf(owner.id)).toBeNull();
  });

  it("links to the account signed in while going through GitHub, and signs in to it afterwards", async () => {
    const owner = await makeUser({ email: "linker@example.com", password: "owner-password" });
    expect(await ensureUserForGithub({ githubId: "1001", verifiedEmail: "someone-else@example.com", name: "Lin", signedInUserId: owner.id })).toEqual({ id: owner.id });
    expect(await githubIdOf(owner.id)).toBe("1001");
    expect(await ensureUserForGithub({ githubId: "1001", verifiedEmail: null, name: "Lin", signedInUserId: null })).toEqual({ id: owner.id });
  });

  it("refuses a GitHub id linked to another account than the one signed in", async () => {
    const other = await makeUser({ email: "other@example.com" });
    await expect(ensureUserForGithub({ githubId: "1001", verifiedEmail: null, signedInUserId: other.id })).rejects.toMatchObject({ code: "LINKED_ELSEWHERE" });
    expect(await githubIdOf(other.id)).toBeNull();
  });

  it("creates an account with a team only for a verified primary email, and none without", async () => {
    const before = await database.prisma.user.count();
    await expect(ensureUserForGithub({ githubId: "2002", verifiedEmail: null, name: "No Email", signedInUserId: null })).rejects.toMatchObject({ code: "NO_VERIFIED_EMAIL" });
    expect(await database.prisma.user.count()).toBe(before);

    const created = await ensureUserForGithub({ githubId: "2002", verifiedEmail: "newbie@example.com", name: "Nia Newbie", signedInUserId: null });
    const user = await database.prisma.user.findUniqueOrThrow({ where: { id: created.id }, select: { email: true, githubId: true, passwordHash: true, memberships: { select: { role: true } } } });
    expect(user).toEqual({ email: "newbie@example.com", githubId: "2002", passwordHash: null, memberships: [{ role: "OWNER" }] });
  });
});
