// Sign-in throttling (issue 11 item 5): attempts are counted before the password is checked, so
// parallel guesses cannot race past the limit; the limit is per (account, address) with exponential
// backoff, so the owner signs in from elsewhere; one address has a limit across accounts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/server/testing/http";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { ADDRESS_LIMITS, claimAddressAttempt } from "@/lib/server/sign-in-throttle";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { makeUser } from "@/prisma/factories";

let database: TestDatabase;
let csrf: { token: string; cookie: string };
const PASSWORD = "the-right-password";

beforeAll(async () => {
  database = await openTestDatabase();
  const res = await GET(new Request("http://localhost/api/auth/csrf") as Parameters<typeof GET>[0]);
  csrf = { token: (await res.json()).csrfToken, cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
});
afterAll(() => database.dispose());

/** One sign-in through the real credentials callback, from `address`; "in" when a session cookie came back. */
async function signIn(email: string, password: string, address: string) {
  const res = await POST(
    new Request("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-client-ip": address, cookie: csrf.cookie },
      body: new URLSearchParams({ email, password, csrfToken: csrf.token }),
    }) as Parameters<typeof POST>[0],
  );
  if (res.status === 429) return { outcome: "throttled" as const, retryAfter: Number(res.headers.get("retry-after")) };
  const signedIn = res.headers.getSetCookie().some((cookie) => cookie.startsWith("authjs.session-token=") && !cookie.startsWith("authjs.session-token=;"));
  return { outcome: signedIn ? ("in" as const) : ("refused" as const), retryAfter: 0 };
}

/** Lets the pair's backoff run out, as if its wait had passed. */
const waitOut = (email: string, address: string) =>
  database.prisma.rateLimit.updateMany({ where: { key: `signin:pair:${email}|${address}` }, data: { resetAt: new Date(Date.now() - 1000) } });

describe("sign-in throttling", () => {
  it("tries at most 5 of 15 parallel wrong passwords; the owner still signs in from another address", async () => {
    await makeUser({ email: "target@example.com", password: PASSWORD });
    const results = await Promise.all(Array.from({ length: 15 }, () => signIn("target@example.com", "wrong-password", "203.0.113.9")));
    expect(results.filter((r) => r.outcome === "refused")).toHaveLength(5);
    expect(results.filter((r) => r.outcome === "throttled")).toHaveLength(10);
    expect(results.every((r) => r.outcome !== "in")).toBe(true);

    expect((await signIn("Target@Example.com", PASSWORD, "198.51.100.20")).outcome).toBe("in");
    // From the attacker's address even the right password waits: the pair is in backoff.
    const blocked = await signIn("target@example.com", PASSWORD, "203.0.113.9");
    expect(blocked.outcome).toBe("throttled");
    expect(blocked.retryAfter).toBeGreaterThan(0);
    expect(blocked.retryAfter).toBeLessThanOrEqual(30);
  });

  it("doubles the wait after each further failure, up to 15 minutes", async () => {
    await makeUser({ email: "backoff@example.com", password: PASSWORD });
    const address = "192.0.2.50";
    for (let i = 0; i < 5; i++) expect((await signIn("backoff@example.com", "nope", address)).outcome).toBe("refused");
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      waits.push((await signIn("backoff@example.com", "nope", address)).retryAfter);
      await waitOut("backoff@example.com", address);
      expect((await signIn("backoff@example.com", "nope", address)).outcome).toBe("refused");
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900]);
  });

  it("a success clears the pair's backoff", async () => {
    await makeUser({ email: "forgetful@example.com", password: PASSWORD });
    const address = "198.51.100.1";
    for (let i = 0; i < 4; i++) await signIn("forgetful@example.com", "nope", address);
    expect((await signIn("forgetful@example.com", PASSWORD, address)).outcome).toBe("in");
    expect(await database.prisma.rateLimit.findMany({ where: { key: { startsWith: "signin:pair:forgetful@example.com" } } })).toEqual([]);
    for (let i = 0; i < 5; i++) expect((await signIn("forgetful@example.com", "nope", address)).outcome).toBe("refused");
  });

  it("limits one address to 20 failures across accounts; successes do not count", async () => {
    await makeUser({ email: "regular@example.com", password: PASSWORD });
    const address = "192.0.2.7";
    for (let i = 0; i < 3; i++) expect((await signIn("regular@example.com", PASSWORD, address)).outcome).toBe("in");
    for (let i = 0; i < 20; i++) expect((await signIn(`user${i}@example.com`, "guess", address)).outcome).toBe("refused");
    const limited = await signIn("fresh@example.com", "guess", address);
    expect(limited.outcome).toBe("throttled");
    expect(limited.retryAfter).toBeGreaterThan(0);
    expect(limited.retryAfter).toBeLessThanOrEqual(15 * 60);
    // Another address is unaffected.
    expect((await signIn("fresh@example.com", "guess", "192.0.2.8")).outcome).toBe("refused");
  });

  it.each(Object.entries(ADDRESS_LIMITS))("limits %s to %i per address and hour, atomically", async (kind, limit) => {
    const address = `10.9.0.${limit}`;
    const waits = await Promise.all(Array.from({ length: limit + 5 }, () => claimAddressAttempt(kind as keyof typeof ADDRESS_LIMITS, address)));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(limit);
    expect(Math.min(...waits.filter((wait) => wait > 0))).toBeGreaterThan(0);
    expect(await claimAddressAttempt(kind as keyof typeof ADDRESS_LIMITS, "10.9.1.1")).toBe(0);
  });
});
