// Deliveries that fail authentication come from anyone who knows a webhook URL: they are counted
// in one row per integration and reason (with the last few), never stored one row each, and an
// address that keeps sending them is answered 429 without any write, while deliveries that verify
// are never limited.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as deliveriesRoute from "@/app/api/v1/integrations/[id]/deliveries/route";
import { signGithub } from "@/lib/domain/pipeline/verify";
import { currentDatabase } from "@/lib/server/database";
import { REFUSALS_PER_ADDRESS, RECENT_REFUSALS, resetRefusalWindows } from "@/lib/server/services/webhook-rejections";
import { call } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { makePipelineWorld, postWebhook } from "./webhooks-support";

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makePipelineWorld>>;
const prisma = () => currentDatabase().prisma;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makePipelineWorld(3);
});
afterAll(() => database.dispose());
beforeEach(async () => {
  resetRefusalWindows();
  await prisma().webhookRejection.deleteMany();
});

/** A push delivery to the GitHub integration from `address`, signed with `secret`. */
function push(address: string, secret = "not the secret") {
  const body = JSON.stringify({ ref: "refs/heads/DEMO-1", marker: randomUUID() });
  return postWebhook("github", world.integrations.github.id, body, {
    "content-type": "application/json",
    "x-client-ip": address,
    "x-github-event": "push",
    "x-github-delivery": randomUUID(),
    "x-hub-signature-256": signGithub(secret, body),
  });
}

describe("refused deliveries", () => {
  it("300 refused posts leave one row: the count and the last five", async () => {
    const deliveries = await prisma().webhookDelivery.count();
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) statuses.push((await push(`203.0.113.${i % 10}`)).status);
    expect(new Set(statuses)).toEqual(new Set([401]));

    const rows = await prisma().webhookRejection.findMany();
    expect(rows).toEqual([expect.objectContaining({ integrationId: world.integrations.github.id, reason: "INVALID_SIGNATURE", count: 300 })]);
    const recent = rows[0]!.recent as Array<{ at: string; event: string; address: string }>;
    expect(recent).toHaveLength(RECENT_REFUSALS);
    expect(recent[0]).toEqual({ at: expect.any(String), event: "push", address: "203.0.113.9" }); // newest first
    expect(recent.map((r) => r.at)).toEqual([...recent.map((r) => r.at)].sort().reverse());
    expect(await prisma().webhookDelivery.count()).toBe(deliveries);
  });

  it("answers 429 to an address past the limit without writing, and still accepts its signed deliveries", async () => {
    for (let i = 0; i < REFUSALS_PER_ADDRESS; i++) expect((await push("198.51.100.7")).status).toBe(401);
    const limited = await push("198.51.100.7");
    expect(limited).toEqual({ status: 429, json: { error: { code: "RATE_LIMITED", message: expect.stringContaining("Too many refused deliveries"), details: { retryAfter: expect.any(Number) } } } });
    const before = await prisma().webhookRejection.findFirstOrThrow();
    expect((await push("198.51.100.7")).status).toBe(429);
    expect(await prisma().webhookRejection.findFirstOrThrow()).toEqual(before); // nothing written
    expect(before.count).toBe(REFUSALS_PER_ADDRESS);

    // Providers send from shared addresses: a delivery that verifies is never limited.
    expect((await push("198.51.100.7", world.integrations.github.secret)).status).toBe(202);
    expect((await push("198.51.100.8")).status).toBe(401); // other addresses are not affected
  });

  it("lists the refusals with the delivery log (GET /integrations/{id}/deliveries)", async () => {
    await push("192.0.2.1");
    const text = "{not json";
    await postWebhook("github", world.integrations.github.id, text, { "x-client-ip": "192.0.2.2", "x-github-event": "ping", "x-hub-signature-256": signGithub(world.integrations.github.secret, text) });
    const log = await call(deliveriesRoute.GET, { params: { id: world.integrations.github.id }, auth: { token: world.adminToken } });
    expect(log.status).toBe(200);
    expect(log.json.rejections).toEqual(
      expect.arrayContaining([
        { reason: "INVALID_SIGNATURE", count: 1, lastAt: expect.any(String), recent: [{ at: expect.any(String), event: "push", address: "192.0.2.1" }] },
        { reason: "INVALID_JSON", count: 1, lastAt: expect.any(String), recent: [{ at: expect.any(String), event: "ping", address: "192.0.2.2" }] },
      ]),
    );
    expect(log.json.deliveries.every((d: { status: string }) => d.status !== "rejected")).toBe(true);
  });
});
