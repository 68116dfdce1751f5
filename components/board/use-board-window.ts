"use client";
// Progressive rendering for long columns. Every rendered card is a dnd-kit sortable, and dnd-kit
// re-renders all of them several times per pick-up, move and drop; a 500-card board stays fluid
// only if the cards far below the fold are not rendered yet. A cell shows its first cards and
// grows by a page whenever its "Show more" button comes within reach of the board's viewport
// (or is pressed).
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

export const BOARD_PAGE_SIZE = 20;
/** Start rendering the next page this far before the end of the list scrolls into view. */
const LOOKAHEAD = "600px";

export function useBoardWindow<T>(items: T[]) {
  const [limit, setLimit] = useState(BOARD_PAGE_SIZE);
  const visible = useMemo(() => (items.length > limit ? items.slice(0, limit) : items), [items, limit]);
  const hidden = items.length - visible.length;
  const more = useCallback(() => setLimit((current) => current + BOARD_PAGE_SIZE), []);
  const sentinel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const node = sentinel.current;
    if (!node || hidden === 0) return;
    // The board scrolls inside its own area; observe within it so the look-ahead applies there.
    const root = node.closest<HTMLElement>("[data-board-scroll]");
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && more(), { root, rootMargin: LOOKAHEAD });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hidden, limit, more]);

  return { visible, hidden, more, sentinel };
}
