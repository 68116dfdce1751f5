// Issue 11 item 8: signing out ends the session on the server (a copied cookie stops working),
// "sign out everywhere" ends every session, and an open event stream ends once its token is revoked
// or its session ended.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// First: it sets the test AUTH_SECRET, which Auth.js reads when its configuration is imported.
import { call, sessionCookie, tokenFor } from "@/lib/server/testing/http";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import * as eventsRoute from "@/app/api/v1/projects/[key]/events/route";
import * as meRoute from "@/app/api/v1/me/route";
import { revokeApiToken } from "@/lib/server/services/api-tokens";
import { endAllSessions } from "@/lib/server/sessions";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { makeUser, makeWorld } from "@/prisma/factories";

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  process.env.EVENT_STREAM_RECHECK_MS = "200";
  database = await openTestDatabase();
  world = await makeWorld("REVOKE");
});
afterAll(async () => {
  delete process.env.EVENT_STREAM_RECHECK_MS;
  await database.dispose();
});

const me = (cookie: string) => meRoute.GET(new Request("http://localhost/api/v1/me", { headers: { cookie } }), { params: Promise.resolve({}) });

/** Signs out through Auth.js's own endpoint, as the browser's sign-out does. */
async function signOutWith(cookie: string) {
  const csrf = await authRoute.GET(new Request("http://localhost/api/auth/csrf") as Parameters<typeof authRoute.GET>[0]);
  const { csrfToken } = await csrf.json();
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await authRoute.POST(
    new Request("http://localhost/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${csrfCookie}; ${cookie}` },
      body: new URLSearchParams({ csrfToken }),
    }) as Parameters<typeof authRoute.POST>[0],
  );
  expect(res.status, await res.clone().text()).toBeLessThan(400);
}

/** Opens the board's event stream and resolves when the server ends it (or rejects after `ms`). */
async function streamEnd(headers: Record<string, string>, ms = 5_000) {
  const abort = new AbortController();
  const req = new Request("http://localhost/api/v1/projects/REVOKE/events", { headers, signal: abort.signal });
  const res = await eventsRoute.GET(req, { params: Promise.resolve({ key: "REVOKE" }) });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const opened = Date.now();
  const ended = (async () => {
    for (;;) if ((await reader.read()).done) return Date.now() - opened;
  })();
  const timeout = new Promise<never>((_, reject) => setTimeout(() => (abort.abort(), reject(new Error(`stream still open after ${ms} ms`))), ms));
  return { ended: Promise.race([ended, timeout]), abort: () => abort.abort() };
}

describe("ending sessions", () => {
  it("signing out makes a copy of the same cookie useless, and leaves the user's other sessions alone", async () => {
    const user = await makeUser({ email: "leaver@example.com" });
    const laptop = await sessionCookie(user.id, { sid: "laptop-session", sv: 0 });
    const phone = await sessionCookie(user.id, { sid: "phone-session", sv: 0 });
    expect((await me(laptop)).status).toBe(200);

    await signOutWith(laptop);

    expect((await me(laptop)).status).toBe(401);
    expect((await me(phone)).status).toBe(200);
  });

  it("sign out everywhere ends every session of the user, and only that user's", async () => {
    const user = await makeUser({ email: "everywhere@example.com" });
    const other = await makeUser({ email: "bystander@example.com" });
    const sessions = [await sessionCookie(user.id, { sid: "a", sv: 0 }), await sessionCookie(user.id, { sid: "b", sv: 0 }), await sessionCookie(user.id)];
    const bystander = await sessionCookie(other.id, { sid: "c", sv: 0 });

    await endAllSessions(user.id);

    for (const cookie of sessions) expect((await me(cookie)).status).toBe(401);
    expect((await me(bystander)).status).toBe(200);
    // A session started afterwards carries the new version and works.
    expect((await me(await sessionCookie(user.id, { sid: "d", sv: 1 }))).status).toBe(200);
  });
});

describe("an open event stream", () => {
  it("ends soon after its API token is revoked", async () => {
    const token = await tokenFor(world.users.MEMBER.id);
    const stream = await streamEnd({ authorization: `Bearer ${token}` });
    const [row] = await database.prisma.apiToken.findMany({ where: { userId: world.users.MEMBER.id }, orderBy: { createdAt: "desc" }, take: 1 });
    await revokeApiToken({ userId: world.users.MEMBER.id, via: "session" }, row!.id);
    expect(await stream.ended).toBeLessThan(5_000);
  });

  it("ends soon after its session is signed out everywhere", async () => {
    const stream = await streamEnd({ cookie: await sessionCookie(world.users.VIEWER.id, { sid: "viewer-tab", sv: 0 }) });
    await endAllSessions(world.users.VIEWER.id);
    expect(await stream.ended).toBeLessThan(5_000);
  });

  it("ends soon after its user leaves the team", async () => {
    const token = await tokenFor(world.users.PRODUCT_OWNER.id);
    const stream = await streamEnd({ authorization: `Bearer ${token}` });
    await database.prisma.membership.deleteMany({ where: { userId: world.users.PRODUCT_OWNER.id } });
    expect(await stream.ended).toBeLessThan(5_000);
  });

  it("stays open while access holds", async () => {
    const token = await tokenFor(world.users.MEMBER.id);
    const stream = await streamEnd({ authorization: `Bearer ${token}` }, 1_000);
    await expect(stream.ended).rejects.toThrow(/still open/);
  });

  it("a token that still works keeps working for plain calls too", async () => {
    const token = await tokenFor(world.users.ADMIN.id);
    expect((await call(meRoute.GET, { auth: { token } })).status).toBe(200);
  });
});
