"use client";
// Live board: the server's change feed (SSE) triggers a debounced reload of the board. A reload
// never lands in the middle of a drag (the drag works on its own snapshot anyway); it waits until
// the card is dropped.
import { useEffect, useEffectEvent, useRef } from "react";

const BOARD_EVENT_KINDS = ["card.created", "card.updated", "card.moved", "card.deleted", "board.changed"] as const;

/** Bursts (a bulk move, a pipeline run) become one reload; 100 ms keeps it well within a second. */
const DEBOUNCE_MS = 100;
/** After a refused reconnect: 2 s, doubling, at most 30 s. */
const RECONNECT_FIRST_MS = 2_000;
const RECONNECT_MAX_MS = 30_000;

export interface BoardEventsOptions {
  /** The newest event the rendered board already reflects: the stream resumes after it. */
  lastEventId: string | null;
  /** While true (a drag is in flight), reloads wait. */
  paused: boolean;
  onChange: () => void;
}

export function useBoardEvents(projectKey: string, { lastEventId, paused, onChange }: BoardEventsOptions) {
  const deferred = useRef(false);

  const refresh = useEffectEvent(() => {
    if (paused) deferred.current = true;
    else onChange();
  });
  // Only the first connection uses it. EventSource reconnects by itself and sends Last-Event-ID,
  // so the server replays whatever was missed while the connection was down.
  const resumeFrom = useEffectEvent(() => lastEventId);

  useEffect(() => {
    let from = resumeFrom();
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const schedule = (event: MessageEvent) => {
      if (event.lastEventId) from = event.lastEventId;
      failures = 0;
      clearTimeout(timer);
      timer = setTimeout(refresh, DEBOUNCE_MS);
    };
    const connect = () => {
      source = new EventSource(`/api/v1/projects/${encodeURIComponent(projectKey)}/events${from ? `?lastEventId=${from}` : ""}`);
      // Every kind means the same to the board: something changed, show the fresh state.
      for (const kind of BOARD_EVENT_KINDS) source.addEventListener(kind, schedule);
      // A refused reconnect (503 while the server's database is back up) closes an EventSource for
      // good: open a new one, resuming after the last event seen, backing off to 30 s.
      source.addEventListener("error", () => {
        if (source?.readyState !== EventSource.CLOSED) return;
        close();
        retry = setTimeout(connect, Math.min(RECONNECT_FIRST_MS * 2 ** failures++, RECONNECT_MAX_MS));
      });
    };
    const close = () => {
      if (!source) return;
      for (const kind of BOARD_EVENT_KINDS) source.removeEventListener(kind, schedule);
      source.close();
      source = null;
    };
    connect();
    return () => {
      clearTimeout(timer);
      clearTimeout(retry);
      close();
    };
  }, [projectKey]);

  const resume = useEffectEvent(() => onChange());
  useEffect(() => {
    if (paused || !deferred.current) return;
    deferred.current = false;
    resume();
  }, [paused]);
}
