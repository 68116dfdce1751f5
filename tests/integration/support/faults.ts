// Fault injection on PostgreSQL: cutting every connection of a test's own scratch database, and an
// SSE client that reconnects as a browser's EventSource (with the board's retry) does.
import pg from "pg";
import * as eventsRoute from "@/app/api/v1/projects/[key]/events/route";

/**
 * Terminates every backend connected to the scratch database at `url` (and only that database),
 * as a PostgreSQL restart or failover would cut them; returns how many were cut.
 */
export async function terminateBackends(url: string): Promise<number> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!database.startsWith("shipboard_test_")) throw new Error(`refusing to cut connections of ${database}: not a scratch database`);
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ cut: string }>(
      "SELECT count(pg_terminate_backend(pid)) AS cut FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [database],
    );
    return Number(rows[0]!.cut);
  } finally {
    await admin.end();
  }
}

export type StreamEvent = { id: string; kind: string; data: unknown; at: number };

/**
 * Follows GET /projects/{key}/events like the board's EventSource: parses `id`, `event`, `data` and
 * `retry`, and when the stream ends or is refused, reconnects after `retry` ms with Last-Event-ID.
 */
export function followBoardEvents(projectKey: string, token: string, lastEventId: string | null) {
  const events: StreamEvent[] = [];
  const state = { lastEventId, retryMs: 2_000, connections: 0, refused: 0, stopped: false };
  let abort = new AbortController();

  async function readStream(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder();
    let buffer = "";
    let event: Partial<StreamEvent> = {};
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line === "") {
          if (event.kind) events.push({ id: event.id ?? "", kind: event.kind, data: event.data, at: performance.now() });
          if (event.id) state.lastEventId = event.id;
          event = {};
        } else if (line.startsWith("id: ")) event.id = line.slice(4);
        else if (line.startsWith("event: ")) event.kind = line.slice(7);
        else if (line.startsWith("data: ")) event.data = JSON.parse(line.slice(6));
        else if (line.startsWith("retry: ")) state.retryMs = Number(line.slice(7));
      }
    }
  }

  const running = (async () => {
    while (!state.stopped) {
      abort = new AbortController();
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (state.lastEventId) headers["last-event-id"] = state.lastEventId;
      const req = new Request(`http://localhost/api/v1/projects/${projectKey}/events`, { headers, signal: abort.signal });
      try {
        const res = await eventsRoute.GET(req, { params: Promise.resolve({ key: projectKey }) });
        if (res.status === 200 && res.body) {
          state.connections++;
          await readStream(res.body);
        } else {
          state.refused++;
          await res.body?.cancel();
        }
      } catch {
        state.refused++;
      }
      if (!state.stopped) await new Promise((resolve) => setTimeout(resolve, state.retryMs));
    }
  })();

  return {
    events,
    state,
    /** Resolves with the first event (from now on or already received) that matches, or rejects after `timeoutMs`. */
    async waitFor(match: (event: StreamEvent) => boolean, timeoutMs: number): Promise<StreamEvent> {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        if (performance.now() > deadline) throw new Error(`no matching event within ${timeoutMs} ms (got ${events.map((e) => `${e.id}:${e.kind}`).join(", ")})`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      state.stopped = true;
      abort.abort();
      await running;
    },
  };
}
