"use client";
// The board's data: the server page's render, replaced by a fresh read of the REST board
// (same filters) whenever something changed — a change-feed event or one of our own moves. One
// narrow request is much cheaper than re-rendering every layout of the page, which keeps live
// updates well inside a second.
import { useCallback, useEffect, useRef, useState } from "react";
import type { boardForApi } from "@/lib/server/queries/board";
import type { BoardColumn, BoardData } from "@/components/board/types";
import { FILTER_KEYS, type BoardSearch } from "@/components/board/search-params";

type ApiBoard = ReturnType<typeof boardForApi>;

/** The REST board spells enums in lower case; the UI uses the domain's upper case. */
function fromApi(api: ApiBoard): BoardData {
  const { project, columns, lastEventId } = api;
  return {
    lastEventId,
    project: { ...project, mode: project.mode.toUpperCase() as BoardData["project"]["mode"], wipMode: project.wipMode.toUpperCase() as BoardData["project"]["wipMode"] },
    columns: columns.map((column) => ({ ...column, category: column.category.toUpperCase() as BoardColumn["category"] })),
  };
}

/** The filters as the board endpoint's query (the page URL uses the same names). */
function filterQuery(search: BoardSearch): string {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = search[key];
    if (value !== undefined) query.set(key, String(value));
  }
  return query.toString();
}

export function useBoardLive(serverBoard: BoardData, search: BoardSearch) {
  const [state, setState] = useState({ source: serverBoard, board: serverBoard });
  let board = state.board;
  if (state.source !== serverBoard) {
    // A new server render (navigation, filters) wins over anything fetched before it.
    board = serverBoard;
    setState({ source: serverBoard, board });
  }

  const query = filterQuery(search);
  const current = useRef({ key: serverBoard.project.key, query });
  useEffect(() => {
    current.current = { key: serverBoard.project.key, query };
  }, [serverBoard.project.key, query]);

  // Reloads can overlap (a burst of events, our own move); an older answer must not win.
  const sequence = useRef({ sent: 0, applied: 0 });

  /** Fetches the board with the current filters; resolves once it is in state (or was outdated). */
  const reload = useCallback(async () => {
    const { key, query: asked } = current.current;
    const number = ++sequence.current.sent;
    const response = await fetch(`/api/v1/projects/${encodeURIComponent(key)}/board${asked ? `?${asked}` : ""}`, { cache: "no-store" });
    if (!response.ok) return;
    const fresh = fromApi((await response.json()) as ApiBoard);
    // Filters changed while the request was out: its answer describes a board nobody looks at.
    if (current.current.key !== key || current.current.query !== asked || number < sequence.current.applied) return;
    sequence.current.applied = number;
    setState((previous) => ({ source: previous.source, board: fresh }));
  }, []);

  return { board, reload };
}
