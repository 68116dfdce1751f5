// Two app instances on one PostgreSQL: a board write on one reaches the other's SSE hub through
// LISTEN/NOTIFY. PGlite is embedded in one process, so this only applies to PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, setDatabase, type Database } from "@/lib/server/database";
import { BOARD_CHANNEL } from "@/lib/server/realtime";
import { RealtimeHub, type BoardMessage } from "@/lib/server/realtime-hub";
import { moveCard } from "@/lib/server/services/board";
import { createScratchPostgres } from "@/lib/server/testing/test-database";
import { makeCard, makeWorld } from "@/prisma/factories";
import { columnsByName } from "./board-helpers";

describe("two instances on one PostgreSQL", () => {
  let scratch: Awaited<ReturnType<typeof createScratchPostgres>>;
  let writer: Database;
  let reader: Database;

  beforeAll(async () => {
    scratch = await createScratchPostgres();
    writer = openDatabase({ kind: "postgres", url: scratch.url });
    reader = openDatabase({ kind: "postgres", url: scratch.url });
    await writer.migrate();
    setDatabase(writer);
  });
  afterAll(async () => {
    setDatabase(undefined);
    await Promise.all([writer.close(), reader.close()]);
    await scratch.drop();
  });

  it("notifies the other instance within a second, which can read the event", async () => {
    const world = await makeWorld("TWIN");
    const columns = await columnsByName(world.project.projectId);
    const card = await makeCard(world.project, world.users.MEMBER.id, { title: "Across instances" });

    const notifications: string[] = [];
    const unlisten = await reader.listen(BOARD_CHANNEL, (payload) => notifications.push(payload));
    const hub = new RealtimeHub(reader);
    let resolveMessage!: (message: BoardMessage) => void;
    const delivered = new Promise<BoardMessage>((resolve) => (resolveMessage = resolve));
    const unsubscribe = await hub.subscribe(world.project.projectId, null, resolveMessage, () => {});

    await moveCard({ ...world.project, cardId: (await writer.prisma.card.findUniqueOrThrow({ where: { key: card.key } })).id, cardKey: card.key }, world.users.MEMBER.id, {
      toColumnId: columns.Review!,
    });
    // At most a second after the writer committed (moveCard returns after its commit).
    const message = await Promise.race([delivered, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("not delivered within 1 s")), 1000))]);
    expect(message).toMatchObject({ kind: "card.moved", payload: { key: card.key, toColumnId: columns.Review, version: 2 } });
    expect(notifications).toContain(`${world.project.projectId}:${message.id}`);
    const stored = await reader.prisma.realtimeEvent.findUniqueOrThrow({ where: { id: BigInt(message.id) } });
    expect(stored).toMatchObject({ projectId: world.project.projectId, kind: "card.moved" });

    unsubscribe();
    await hub.close();
    await unlisten();
  });
});
