// Issue 11 item 4: a page on another origin (another port of the same host included) cannot write
// through /api/v1 with the visitor's session cookie; token callers and this app's own pages can.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cardsRoute from "@/app/api/v1/projects/[key]/cards/route";
import * as rotateRoute from "@/app/api/v1/integrations/[id]/rotate-secret/route";
import { makeWorld } from "@/prisma/factories";
import { call, sessionCookie, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeWorld("CSRF");
});
afterAll(() => database.dispose());

const cardCount = () => database.prisma.card.count({ where: { projectId: world.project.projectId } });

/** A card creation sent the way a browser would send it, with the member's session cookie. */
async function browserCreate(headers: Record<string, string>, body = JSON.stringify({ title: "Planted" })) {
  const req = new Request("http://localhost:3000/api/v1/projects/CSRF/cards", {
    method: "POST",
    headers: { host: "localhost:3000", cookie: await sessionCookie(world.users.MEMBER.id), ...headers },
    body,
  });
  const res = await cardsRoute.POST(req, { params: Promise.resolve({ key: "CSRF" }) });
  return { status: res.status, json: await res.json() };
}

describe("session-cookie writes on /api/v1", () => {
  it("refuses the no-cors text/plain fetch from another port of the same host, writing nothing", async () => {
    const before = await cardCount();
    const res = await browserCreate({ origin: "http://localhost:4000", "sec-fetch-site": "same-site", "content-type": "text/plain" });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("CROSS_SITE_REQUEST");
    expect(await cardCount()).toBe(before);
  });

  it.each([
    ["a foreign Origin alone", { origin: "https://evil.example", "content-type": "application/json" }],
    ["Sec-Fetch-Site cross-site alone", { "sec-fetch-site": "cross-site", "content-type": "application/json" }],
    ["a null Origin (sandboxed frame)", { origin: "null", "content-type": "application/json" }],
  ])("refuses %s with 403", async (_name, headers) => {
    const before = await cardCount();
    expect((await browserCreate(headers)).status).toBe(403);
    expect(await cardCount()).toBe(before);
  });

  it("refuses a same-origin write whose body is not JSON with 415", async () => {
    const before = await cardCount();
    const res = await browserCreate({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin", "content-type": "text/plain" });
    expect(res.status).toBe(415);
    expect(await cardCount()).toBe(before);
  });

  it("refuses a bodyless cross-site POST too (rotating a webhook secret)", async () => {
    const req = new Request("http://localhost:3000/api/v1/integrations/anything/rotate-secret", {
      method: "POST",
      headers: { host: "localhost:3000", cookie: await sessionCookie(world.users.ADMIN.id), origin: "http://localhost:4000" },
    });
    const res = await rotateRoute.POST(req, { params: Promise.resolve({ id: "anything" }) });
    expect(res.status).toBe(403);
  });

  it("accepts this app's own page: same origin, JSON", async () => {
    const res = await browserCreate({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin", "content-type": "application/json" });
    expect(res.status).toBe(201);
    expect(res.json.title).toBe("Planted");
  });

  it("accepts the public URL the app is configured with behind a proxy", async () => {
    process.env.PUBLIC_URL = "https://board.example.com";
    try {
      const res = await browserCreate({ origin: "https://board.example.com", "content-type": "application/json" });
      expect(res.status).toBe(201);
    } finally {
      delete process.env.PUBLIC_URL;
    }
  });

  it("leaves token callers alone, whatever Origin or content type they send", async () => {
    const token = await tokenFor(world.users.MEMBER.id);
    const res = await call(cardsRoute.POST, {
      method: "POST",
      params: { key: "CSRF" },
      body: { title: "From CI" },
      auth: { token },
      headers: { origin: "https://ci.example", "sec-fetch-site": "cross-site" },
    });
    expect(res.status).toBe(201);
  });

  it("lets reads through from anywhere (they change nothing and CORS keeps the answer from the page)", async () => {
    const req = new Request("http://localhost:3000/api/v1/projects/CSRF/cards", {
      headers: { host: "localhost:3000", cookie: await sessionCookie(world.users.MEMBER.id), origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    const res = await cardsRoute.GET(req, { params: Promise.resolve({ key: "CSRF" }) });
    expect(res.status).toBe(200);
  });
});
