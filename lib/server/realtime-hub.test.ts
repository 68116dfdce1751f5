import { describe, expect, it, vi } from "vitest";
import type { Database } from "./database";
import { RealtimeHub, type BoardMessage } from "./realtime-hub";

type Row = { id: bigint; projectId: string; kind: string; payload: unknown };

/** A database whose NOTIFYs the test delivers by hand, whenever it likes. */
function fakeDatabase(rows: Row[]) {
  let notify: (payload: string) => void = () => {};
  let loseConnection: (error: Error) => void = () => {};
  let listens = 0;
  let refuse = false;
  const matches = (row: Row, where: { projectId: string; id: { gt?: bigint; in?: bigint[] } }) =>
    row.projectId === where.projectId && (where.id.gt === undefined || row.id > where.id.gt) && (where.id.in === undefined || where.id.in.includes(row.id));
  const database = {
    listen: async (_channel: string, onPayload: (payload: string) => void, onLost: (error: Error) => void) => {
      listens++;
      if (refuse) throw new Error("connection refused");
      notify = onPayload;
      loseConnection = onLost;
      return async () => {};
    },
    prisma: {
      realtimeEvent: {
        findMany: async ({ where }: { where: Parameters<typeof matches>[1] }) => rows.filter((row) => matches(row, where)).sort((a, b) => Number(a.id - b.id)),
      },
    },
  } as unknown as Database;
  return {
    database,
    notify: (row: Row) => notify(`${row.projectId}:${row.id}`),
    loseConnection: (error = new Error("terminating connection due to administrator command")) => loseConnection(error),
    listens: () => listens,
    refuseConnections: (value: boolean) => void (refuse = value),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("RealtimeHub", () => {
  it("does not send twice an event whose NOTIFY arrives after the replay already sent it", async () => {
    const rows: Row[] = [1n, 2n, 3n].map((id) => ({ id, projectId: "p", kind: "card.moved", payload: { n: Number(id) } }));
    const { database, notify } = fakeDatabase(rows);
    const received: BoardMessage[] = [];
    const hub = new RealtimeHub(database);
    await hub.subscribe("p", 1n, (message) => received.push(message), () => {});
    expect(received.map((m) => m.id)).toEqual(["2", "3"]); // the replay

    notify(rows[2]!); // event 3 committed before the replay read it, its NOTIFY comes late
    await settle();
    rows.push({ id: 4n, projectId: "p", kind: "card.moved", payload: { n: 4 } });
    notify(rows[3]!);
    await settle();
    expect(received.map((m) => m.id)).toEqual(["2", "3", "4"]);
  });

  it("still sends live an event with a lower id that committed after the replay", async () => {
    const rows: Row[] = [{ id: 5n, projectId: "p", kind: "card.moved", payload: {} }];
    const { database, notify } = fakeDatabase(rows);
    const received: BoardMessage[] = [];
    await new RealtimeHub(database).subscribe("p", 1n, (message) => received.push(message), () => {});
    const late = { id: 4n, projectId: "p", kind: "card.moved", payload: {} }; // id taken before 5, committed after
    rows.push(late);
    notify(late);
    await settle();
    expect(received.map((m) => m.id)).toEqual(["5", "4"]);
  });
});

describe("RealtimeHub when the LISTEN connection drops", () => {
  it("ends every stream, reports degraded, and listens again with backoff", async () => {
    const { database, loseConnection, listens, refuseConnections } = fakeDatabase([]);
    const hub = new RealtimeHub(database);
    const ended: string[] = [];
    await hub.subscribe("p", null, () => {}, () => ended.push("a"));
    await hub.subscribe("q", 0n, () => {}, () => ended.push("b"));
    expect(hub.status).toBe("ok");

    refuseConnections(true); // the database is still restarting
    loseConnection();
    // Streams end, so browsers reconnect with Last-Event-ID instead of waiting on heartbeats forever.
    expect(ended).toEqual(["a", "b"]);
    expect(hub.status).toBe("degraded");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(listens()).toBe(2); // one attempt after 250 ms, refused
    expect(hub.status).toBe("degraded");
    await expect(hub.subscribe("p", null, () => {}, () => {})).rejects.toThrow("connection refused");

    refuseConnections(false);
    await vi.waitFor(() => expect(hub.status).toBe("ok"), { timeout: 2_000 });
    await hub.close();
  });

  it("replays what a reconnecting client missed while the connection was down", async () => {
    const rows: Row[] = [{ id: 1n, projectId: "p", kind: "card.moved", payload: {} }];
    const { database, loseConnection } = fakeDatabase(rows);
    const hub = new RealtimeHub(database);
    const received: string[] = [];
    await hub.subscribe("p", 0n, (message) => received.push(message.id), () => {});
    loseConnection();
    rows.push({ id: 2n, projectId: "p", kind: "card.moved", payload: {} }); // committed while nobody listened
    await hub.subscribe("p", 1n, (message) => received.push(message.id), () => {}); // the browser's reconnect
    expect(received).toEqual(["1", "2"]);
    await hub.close();
  });
});
