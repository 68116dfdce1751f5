import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/v1/projects/[key]/events/route";
import { MAX_REPLAY } from "@/lib/server/realtime-hub";
import { tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { makeUser, makeWorld } from "@/prisma/factories";
import { columnsByName, makeCards, move, type World } from "./board-helpers";

let database: TestDatabase;
let world: World;
let columns: Record<string, string>;
let token: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeWorld("LIVE");
  columns = await columnsByName(world.project.projectId);
  token = await tokenFor(world.users.MEMBER.id);
});
afterAll(() => database.dispose());

type Message = { id: string; event: string; data: unknown };

/** Opens the event stream in-process, as a browser's EventSource would, and reads messages off it. */
async function subscribe(options: { token?: string; lastEventId?: string; query?: string } = {}) {
  const abort = new AbortController();
  const headers = new Headers({ authorization: `Bearer ${options.token ?? token}` });
  if (options.lastEventId) headers.set("last-event-id", options.lastEventId);
  const req = new Request(`http://localhost/api/v1/projects/LIVE/events${options.query ?? ""}`, { headers, signal: abort.signal });
  const res = await eventsRoute.GET(req, { params: Promise.resolve({ key: "LIVE" }) });
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const next = async (timeoutMs = 1000): Promise<Message> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(block.split("\n").filter((line) => !line.startsWith(":")).map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]));
        if (fields.event) return { id: fields.id!, event: fields.event, data: JSON.parse(fields.data!) };
        continue;
      }
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), Math.max(0, deadline - Date.now())));
      const chunk = await Promise.race([reader!.read(), timeout]);
      if (chunk.done) throw new Error("stream ended");
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
  return { res, next, close: () => abort.abort() };
}

describe("board event stream", () => {
  it("delivers a move within a second, then replays what a reconnecting client missed", async () => {
    const cards = await makeCards(world, 3, columns["To do"]!, "Live");
    const stream = await subscribe();
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get("content-type")).toMatch(/^text\/event-stream/);

    expect((await move(cards[0]!.key, { toColumnId: columns["In progress"] }, token)).status).toBe(200);
    const moved = await stream.next(1000); // at most a second after the move's answer
    expect(moved).toMatchObject({ event: "card.moved", data: { key: cards[0]!.key, toColumnId: columns["In progress"], version: 2 } });
    expect(moved.id).toMatch(/^\d+$/);
    stream.close();

    await move(cards[1]!.key, { toColumnId: columns.Review }, token);
    await move(cards[2]!.key, { toColumnId: columns.Done }, token);
    const resumed = await subscribe({ lastEventId: moved.id });
    const missed = [await resumed.next(), await resumed.next()];
    expect(missed.map((m) => m.data)).toEqual([expect.objectContaining({ key: cards[1]!.key }), expect.objectContaining({ key: cards[2]!.key })]);
    // Then live again, with nothing repeated.
    await move(cards[0]!.key, { toColumnId: columns.Review }, token);
    expect(await resumed.next()).toMatchObject({ event: "card.moved", data: { key: cards[0]!.key, version: 3 } });
    resumed.close();

    const fromQuery = await subscribe({ query: `?lastEventId=${missed[0]!.id}` });
    expect((await fromQuery.next()).id).toBe(missed[1]!.id);
    fromQuery.close();
  });

  it("fans one notification out to every subscriber of the project only", async () => {
    const [card] = await makeCards(world, 1, columns["To do"]!, "Fan");
    const viewer = await subscribe({ token: await tokenFor(world.users.VIEWER.id) });
    const member = await subscribe();
    const other = await makeWorld("LIVX");
    const otherCols = await columnsByName(other.project.projectId);
    const [otherCard] = await makeCards(other, 1, otherCols["To do"]!, "Elsewhere");
    await move(otherCard!.key, { toColumnId: otherCols.Done }, await tokenFor(other.users.MEMBER.id));
    await move(card!.key, { toColumnId: columns.Done }, token);
    for (const stream of [viewer, member]) expect((await stream.next()).data).toMatchObject({ key: card!.key });
    viewer.close();
    member.close();
  });

  it("sends one board.changed instead of replaying a very long gap", async () => {
    const { projectId } = world.project;
    const first = await database.prisma.realtimeEvent.create({ data: { projectId, kind: "card.updated", payload: {} } });
    await database.prisma.realtimeEvent.createMany({ data: Array.from({ length: MAX_REPLAY + 1 }, () => ({ projectId, kind: "card.updated", payload: {} })) });
    const latest = await database.prisma.realtimeEvent.findFirstOrThrow({ where: { projectId }, orderBy: { id: "desc" } });
    const stream = await subscribe({ lastEventId: String(first.id) });
    expect(await stream.next()).toEqual({ id: String(latest.id), event: "board.changed", data: { change: "resync" } });
    stream.close();
  });

  it("authorizes the stream and ends it on shutdown", async () => {
    const stranger = await makeUser({ email: "stranger-live@test.example" });
    expect((await subscribe({ token: await tokenFor(stranger.id) })).res.status).toBe(404);
    const stream = await subscribe();
    for (const hook of globalThis.shipboardShutdownHooks ?? []) await hook();
    await expect(stream.next(1000)).rejects.toThrow("stream ended");
  });
});
