import "server-only";
// Live board updates for every SSE client of this process, from ONE `LISTEN shipboard_board`
// connection. Writers store a RealtimeEvent and NOTIFY "projectId:eventId" on commit (see
// realtime.ts), on any instance; the hub reads the notified rows once per batch and fans them out
// to the subscribers of that project.
//
// Rows are fetched by the ids notified, not "id > last": ids are taken at insert but commits may
// land in another order, and a cursor would skip an event whose transaction committed late.
//
// When the LISTEN connection drops (restart, failover, pg_terminate_backend), NOTIFYs sent
// meanwhile reach nobody here. The hub then ends every stream, so browsers reconnect with
// Last-Event-ID and catch up from the RealtimeEvent table, and listens again with backoff.
import { currentDatabase, type Database } from "./database";
import { logger } from "./logger";
import { BOARD_CHANNEL } from "./realtime";

/** Ids are BigInt in the database and strings on the wire. */
export type BoardMessage = { id: string; kind: string; payload: unknown };

/** Most events replayed to a reconnecting client; further behind, it gets one `board.changed` and reloads. */
export const MAX_REPLAY = 500;

/** Waits before listening again after the connection dropped: 250 ms, doubling, at most 10 s. */
const RECONNECT_FIRST_MS = 250;
const RECONNECT_MAX_MS = 10_000;

/** `ok` while listening (or not needed yet), `degraded` while the LISTEN connection is down. */
export type RealtimeStatus = "ok" | "degraded";

type Subscriber = {
  projectId: string;
  send: (message: BoardMessage) => void;
  end: () => void;
  /** Live messages held back while the catch-up replay is being sent; null once live. */
  held: BoardMessage[] | null;
  /**
   * Ids the replay sent: the NOTIFY of one can arrive after the replay read its committed row, and
   * must not send it twice. Emptied once a newer event goes out live (NOTIFYs come in commit order).
   */
  replayed: Set<string>;
};

const eventSelect = { id: true, kind: true, payload: true } as const;
const toMessage = (row: { id: bigint; kind: string; payload: unknown }): BoardMessage => ({ id: String(row.id), kind: row.kind, payload: row.payload });

export class RealtimeHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly pending = new Map<string, Set<string>>();
  private drainScheduled = false;
  private draining: Promise<void> = Promise.resolve();
  private listening: Promise<() => Promise<void>> | null = null;
  /** Set when the LISTEN connection dropped, until listening again. */
  private lostSince: number | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private failedReconnects = 0;
  private closed = false;

  constructor(readonly database: Database) {}

  get status(): RealtimeStatus {
    return this.lostSince === null ? "ok" : "degraded";
  }

  /**
   * Streams the project's board events to `send`. With `lastEventId`, first replays what came
   * after it (catch-up), then goes live without gaps or repeats. `end` is called on shutdown, and
   * when the LISTEN connection drops (the client then resumes from its Last-Event-ID).
   */
  async subscribe(projectId: string, lastEventId: bigint | null, send: Subscriber["send"], end: Subscriber["end"]): Promise<() => void> {
    const subscriber: Subscriber = { projectId, send, end, held: lastEventId === null ? null : [], replayed: new Set() };
    this.subscribers.add(subscriber);
    const unsubscribe = () => void this.subscribers.delete(subscriber);
    try {
      // LISTEN is active before the replay query runs, so an event is either replayed or notified.
      await this.listen();
      if (lastEventId !== null) await this.replay(subscriber, lastEventId);
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return unsubscribe;
  }

  /** Ends every stream and stops listening (graceful shutdown). */
  async close() {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.endStreams();
    const listening = this.listening;
    this.listening = null;
    if (listening) await (await listening)().catch(() => {});
  }

  private endStreams() {
    const subscribers = [...this.subscribers];
    this.subscribers.clear();
    for (const subscriber of subscribers) subscriber.end();
  }

  private listen() {
    if (this.listening) return this.listening;
    const attempt: Promise<() => Promise<void>> = this.database.listen(BOARD_CHANNEL, (payload) => this.notified(payload), (error) => this.lost(error)).then(
      (unlisten) => {
        if (this.lostSince !== null) logger.info({ downMs: Date.now() - this.lostSince }, "listening for board events again");
        this.lostSince = null;
        this.failedReconnects = 0;
        return unlisten;
      },
      (error: unknown) => {
        if (this.listening === attempt) this.listening = null;
        throw error;
      },
    );
    this.listening = attempt;
    return attempt;
  }

  /** The LISTEN connection dropped: end the streams (clients resume from Last-Event-ID) and listen again. */
  private lost(error: Error) {
    logger.warn({ err: error, streams: this.subscribers.size }, "board events connection lost; reconnecting");
    this.listening = null;
    this.lostSince ??= Date.now();
    this.pending.clear();
    this.endStreams();
    this.scheduleReconnect();
  }

  private scheduleReconnect() {
    if (this.closed || this.reconnectTimer) return;
    const delay = Math.min(RECONNECT_FIRST_MS * 2 ** this.failedReconnects, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.listen().catch((error: unknown) => {
        this.failedReconnects++;
        if (this.failedReconnects % 10 === 1) logger.error({ err: error, attempts: this.failedReconnects }, "board events: cannot listen again yet");
        this.scheduleReconnect();
      });
    }, delay);
    this.reconnectTimer.unref?.();
  }

  private async replay(subscriber: Subscriber, after: bigint) {
    const { prisma } = this.database;
    const rows = await prisma.realtimeEvent.findMany({ where: { projectId: subscriber.projectId, id: { gt: after } }, orderBy: { id: "asc" }, take: MAX_REPLAY + 1, select: eventSelect });
    const held = subscriber.held ?? [];
    subscriber.held = null;
    if (rows.length > MAX_REPLAY) {
      const latest = await prisma.realtimeEvent.findFirst({ where: { projectId: subscriber.projectId }, orderBy: { id: "desc" }, select: { id: true } });
      const latestId = latest!.id;
      subscriber.send({ id: String(latestId), kind: "board.changed", payload: { change: "resync" } });
      for (const message of held) if (BigInt(message.id) > latestId) subscriber.send(message);
      return;
    }
    for (const row of rows) {
      subscriber.replayed.add(String(row.id));
      subscriber.send(toMessage(row));
    }
    for (const message of held) if (!subscriber.replayed.delete(message.id)) subscriber.send(message);
  }

  private notified(payload: string) {
    const at = payload.lastIndexOf(":");
    const projectId = payload.slice(0, at);
    const id = payload.slice(at + 1);
    if (at < 1 || !/^\d{1,19}$/.test(id)) return;
    if (![...this.subscribers].some((subscriber) => subscriber.projectId === projectId)) return;
    const ids = this.pending.get(projectId) ?? new Set<string>();
    ids.add(id);
    this.pending.set(projectId, ids);
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    // Batches notifications that arrive together into one read per project; drains run one at a time.
    this.draining = this.draining.then(() => this.drain());
  }

  private async drain() {
    this.drainScheduled = false;
    const batch = [...this.pending];
    this.pending.clear();
    for (const [projectId, ids] of batch) {
      try {
        const rows = await this.database.prisma.realtimeEvent.findMany({
          where: { projectId, id: { in: [...ids].map(BigInt) } },
          orderBy: { id: "asc" },
          select: eventSelect,
        });
        const messages = rows.map(toMessage);
        for (const subscriber of this.subscribers) {
          if (subscriber.projectId !== projectId) continue;
          let live = false;
          for (const message of messages) {
            if (subscriber.held) subscriber.held.push(message);
            else if (!subscriber.replayed.delete(message.id)) {
              subscriber.send(message);
              live = true;
            }
          }
          // An event committed after the replay's read is here: every replayed event's NOTIFY came before it.
          if (live) subscriber.replayed.clear();
        }
      } catch (error) {
        logger.error({ err: error, projectId }, "board events could not be read");
      }
    }
  }
}

const HUB = Symbol.for("shipboard.realtimeHub");
type GlobalWithHub = typeof globalThis & { [HUB]?: RealtimeHub };

/** Whether live updates reach this process: `degraded` while its LISTEN connection is being re-established. */
export function realtimeStatus(): RealtimeStatus {
  return (globalThis as GlobalWithHub)[HUB]?.status ?? "ok";
}

/** The hub of the process-wide database; one per process, shared by Next's bundles through globalThis. */
export function boardHub(): RealtimeHub {
  const global = globalThis as GlobalWithHub;
  const database = currentDatabase();
  if (global[HUB]?.database === database) return global[HUB];
  const first = !global[HUB];
  global[HUB] = new RealtimeHub(database);
  // Open event streams would otherwise hold the server's graceful shutdown open.
  if (first) (globalThis.shipboardShutdownHooks ??= []).push(async () => global[HUB]?.close());
  return global[HUB];
}
