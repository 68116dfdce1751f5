import "server-only";
// Server-Sent Events for one board: `id: <event id>`, `event: <kind>`, `data: <json>` per event,
// a comment every 15 s so proxies keep the connection open, and an end on client disconnect,
// server shutdown, a lost LISTEN connection (the client reconnects with Last-Event-ID), or when the
// caller's access has ended (token revoked, signed out, removed from the team).
import { AppError } from "./errors";
import { logger } from "./logger";
import { boardHub, type BoardMessage } from "./realtime-hub";

const HEARTBEAT_MS = 15_000;
/** How long a browser waits before reconnecting (it then sends Last-Event-ID itself). */
const RETRY_MS = 2_000;
/** How often an open stream re-checks its caller's access: revocation takes effect within this. */
const recheckMs = () => Number(process.env.EVENT_STREAM_RECHECK_MS) || 30_000;

function formatEvent(message: BoardMessage) {
  return `id: ${message.id}\nevent: ${message.kind}\ndata: ${JSON.stringify(message.payload)}\n\n`;
}

/** `Last-Event-ID` header (browser reconnects) wins over `?lastEventId=` (first connect after a board read). */
export function lastEventIdOf(req: Request, queryValue: string | undefined): bigint | null {
  const value = req.headers.get("last-event-id") ?? queryValue;
  return value && /^\d{1,19}$/.test(value) ? BigInt(value) : null;
}

/** `stillAllowed` answers false once the caller may no longer read the board; the stream then ends. */
export async function boardEventStream(projectId: string, lastEventId: bigint | null, signal: AbortSignal, stillAllowed: () => Promise<boolean>): Promise<Response> {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let ended = false;
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => end(),
  });
  const write = (text: string) => {
    if (!ended) controller.enqueue(encoder.encode(text));
  };
  const heartbeat = setInterval(() => write(": heartbeat\n\n"), HEARTBEAT_MS);
  heartbeat.unref?.();
  const recheck = setInterval(() => {
    stillAllowed().then(
      (allowed) => allowed || end(),
      (error) => logger.warn({ err: error, projectId }, "event stream access re-check failed; the stream stays open"),
    );
  }, recheckMs());
  recheck.unref?.();
  let unsubscribe = () => {};
  function end() {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    clearInterval(recheck);
    unsubscribe();
    signal.removeEventListener("abort", end);
    try {
      controller.close();
    } catch {
      // already closed by the client going away
    }
  }
  signal.addEventListener("abort", end);
  write(`retry: ${RETRY_MS}\n: connected\n\n`);
  try {
    unsubscribe = await boardHub().subscribe(projectId, lastEventId, (message) => write(formatEvent(message)), end);
  } catch (error) {
    end();
    // The database cannot be listened to right now (restart, failover): the client retries.
    logger.warn({ err: error, projectId }, "board event stream could not start");
    throw new AppError("REALTIME_UNAVAILABLE", "Live updates are unavailable for a moment; retry shortly.", 503, { retryAfter: RETRY_MS / 1000 });
  }
  if (ended) unsubscribe();
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
