// Auth.js redirects go to the host the browser asked for, not to the listening address 0.0.0.0
// that Next puts in a request's URL (PUBLIC_URL and TRUST_PROXY unset, as on `npm start`).
// First: sets AUTH_SECRET, which Auth.js reads when the route module loads.
import "@/lib/server/testing/http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { makeUser } from "@/prisma/factories";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
  await makeUser({ email: "origin@example.com", password: "origin-password-1" });
});
afterAll(() => database.dispose());

const LISTENING = "http://0.0.0.0:3000";
const HOST = "shipboard.lan:3000";
type AuthRequest = Parameters<typeof GET>[0];
const request = (path: string, init: RequestInit = {}) =>
  new Request(`${LISTENING}${path}`, { ...init, headers: { host: HOST, "x-forwarded-host": "evil.example", ...init.headers } }) as AuthRequest;
const cookiesOf = (res: Response) => res.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);

describe("Auth.js behind the listening address", () => {
  it("sends a signed-out visitor to sign-in with a callback URL on the host they used", async () => {
    const res = await GET(request("/api/auth/signin"));
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    expect(new URL(location, "http://x").searchParams.get("callbackUrl")).toBe(`http://${HOST}`);
    expect(`${location} ${res.headers.getSetCookie().join(" ")}`).not.toMatch(/0\.0\.0\.0|evil\.example/);
  });

  it("signs in with the form and redirects to the page asked for, on the same host", async () => {
    const csrf = await GET(request("/api/auth/csrf"));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const body = new URLSearchParams({ email: "origin@example.com", password: "origin-password-1", csrfToken, callbackUrl: "/DEMO/board" });
    const res = await POST(request("/api/auth/callback/credentials", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") } }));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`http://${HOST}/DEMO/board`);
    expect(cookiesOf(res).some((cookie) => cookie.startsWith("authjs.session-token="))).toBe(true);
  });
});
