import { describe, expect, it } from "vitest";
import type { Database } from "./database";
import { RealtimeHub, type BoardMessage } from "./realtime-hub";

type Row = { id: bigint; projectId: string; kind: string; payload: unknown };

/** A database whose NOTIFYs the test delivers by hand, whenever it likes. */
function fakeDatabase(rows: Row[]) {
  let notify: (payload: string) => void = () => {};
  const matches = (row: Row, where: { projectId: string; id: { gt?: bigint; in?: bigint[] } }) =>
    row.projectId === where.projectId && (where.id.gt === undefined || row.id > where.id.gt) && (where.id.in === undefined || where.id.in.includes(row.id));
  const database = {
    listen: async (_channel: string, onPayload: (payload: string) => void) => {
      notify = onPayload;
      return async () => {};
    },
    prisma: {
      realtimeEvent: {
        findMany: async ({ where }: { where: Parameters<typeof matches>[1] }) => rows.filter((row) => matches(row, where)).sort((a, b) => Number(a.id - b.id)),
      },
    },
  } as unknown as Database;
  return { database, notify: (row: Row) => notify(`${row.projectId}:${row.id}`) };
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
