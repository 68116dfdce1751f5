"use client";
// Live board: the server's change feed (SSE) triggers a debounced refresh of the page's data.
// A refresh never lands in the middle of a drag (the drag works on its own snapshot anyway); it
// waits until the card is dropped.
import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useRef } from "react";

export const BOARD_EVENT_KINDS = ["card.created", "card.updated", "card.moved", "card.deleted", "board.changed"] as const;
export type BoardEventKind = (typeof BOARD_EVENT_KINDS)[number];

/** Bursts (a bulk move, a pipeline run) become one refresh; 100 ms keeps it well within a second. */
const DEBOUNCE_MS = 100;

export function useBoardEvents(projectKey: string, { paused, onEvent }: { paused: boolean; onEvent?: (kind: BoardEventKind, cardKey: string | null) => void }) {
  const router = useRouter();
  const deferred = useRef(false);

  const refresh = useEffectEvent(() => {
    if (paused) deferred.current = true;
    else router.refresh();
  });
  const received = useEffectEvent((kind: BoardEventKind, data: string) => {
    let key: string | null = null;
    try {
      const parsed: unknown = JSON.parse(data);
      if (parsed && typeof parsed === "object" && "key" in parsed && typeof parsed.key === "string") key = parsed.key;
    } catch {
      // A payload we cannot read still means "something changed": refresh anyway.
    }
    onEvent?.(kind, key);
  });

  useEffect(() => {
    const source = new EventSource(`/api/v1/projects/${encodeURIComponent(projectKey)}/events`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lostConnection = false;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, DEBOUNCE_MS);
    };
    const listeners = BOARD_EVENT_KINDS.map((kind) => {
      const listener = (event: MessageEvent<string>) => {
        received(kind, event.data);
        schedule();
      };
      source.addEventListener(kind, listener);
      return [kind, listener] as const;
    });
    // EventSource reconnects by itself; events missed while it was away are caught by one refresh.
    source.onerror = () => (lostConnection = true);
    source.onopen = () => {
      if (lostConnection) schedule();
      lostConnection = false;
    };
    return () => {
      clearTimeout(timer);
      for (const [kind, listener] of listeners) source.removeEventListener(kind, listener);
      source.close();
    };
  }, [projectKey]);

  useEffect(() => {
    if (paused || !deferred.current) return;
    deferred.current = false;
    router.refresh();
  }, [paused, router]);
}
