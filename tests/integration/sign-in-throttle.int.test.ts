import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { recordFailedSignIn, recordSuccessfulSignIn } from "@/lib/server/sign-in-throttle";
import "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

let database: TestDatabase;
beforeAll(async () => (database = await openTestDatabase()));
afterAll(() => database.dispose());

function signInRequest(email: string, address: string) {
  const body = new URLSearchParams({ email, password: "whatever", csrfToken: "x" });
  return new Request("http://localhost/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-client-ip": address },
    body,
  }) as Parameters<typeof POST>[0];
}

describe("sign-in throttling", () => {
  it("answers 429 with Retry-After after 5 failures for one account, whatever the address", async () => {
    for (let i = 0; i < 5; i++) await recordFailedSignIn("Target@Example.com", `10.0.0.${i}`);
    const res = await POST(signInRequest("target@example.com", "10.0.0.99"));
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect((await res.json()).error.code).toBe("RATE_LIMITED");
  });

  it("answers 429 after 20 failures from one address, whatever the account", async () => {
    for (let i = 0; i < 20; i++) await recordFailedSignIn(`user${i}@example.com`, "192.0.2.7");
    const res = await POST(signInRequest("fresh@example.com", "192.0.2.7"));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("a successful sign-in clears the account's counter", async () => {
    for (let i = 0; i < 5; i++) await recordFailedSignIn("forgetful@example.com", "198.51.100.1");
    await recordSuccessfulSignIn("forgetful@example.com");
    const rows = await database.prisma.rateLimit.findMany({ where: { key: "signin:account:forgetful@example.com" } });
    expect(rows).toEqual([]);
  });
});
