"use client";
// The Kanban board screen on the client: toolbar, live grid, card drawer and keyboard shortcuts.
// Data comes from the server page (then the REST board on changes); moves go through server actions.
import { useCallback, useMemo, useRef, useState } from "react";
import { OverrideDialog } from "@/components/dod/override-dialog";
import { NoSprintState } from "@/components/sprint/no-sprint-state";
import { SprintBoardHeader } from "@/components/sprint/sprint-board-header";
import { ShortcutsDialog, type Shortcut } from "@/components/ui/shortcuts-dialog";
import { useBoardLive } from "@/components/board/use-board-live";
import { useBoardMoves } from "@/components/board/use-board-moves";
import { useBoardUrl } from "@/components/board/use-board-url";
import { useBoardViewport } from "@/components/board/use-board-viewport";
import { useHotkeys } from "@/lib/hooks/use-hotkeys";
import type { SprintDto } from "@/lib/server/queries/sprints";
import { BoardGrid } from "./board-grid";
import { BoardToolbar } from "./board-toolbar";
import { CardDrawer } from "./card-drawer";
import type { BoardData } from "./types";

const SHORTCUTS: Shortcut[] = [
  { keys: ["/"], description: "Filter cards", group: "Board" },
  { keys: ["c"], description: "New card", group: "Board" },
  { keys: ["g b"], description: "Go to the board", group: "Board" },
  { keys: ["?"], description: "Show keyboard shortcuts", group: "Board" },
  { keys: ["Enter"], description: "Open the focused card", group: "Cards" },
  { keys: ["Escape"], description: "Close the card", group: "Cards" },
  { keys: ["space"], description: "Pick up or drop the focused card", group: "Moving cards" },
  { keys: ["ArrowUp", "ArrowDown"], description: "Move within the column", group: "Moving cards" },
  { keys: ["ArrowLeft", "ArrowRight"], description: "Move to the next column", group: "Moving cards" },
  { keys: ["Escape"], description: "Cancel the move", group: "Moving cards" },
];

export interface BoardProps {
  board: BoardData;
  members: Array<{ id: string; name: string }>;
  epics: Array<{ key: string; title: string }>;
  /** Members and above may move, create and edit cards; viewers only look. */
  canEdit: boolean;
  /** Product owners and admins may move a card into Done past an unmet Definition of Done. */
  canOverride: boolean;
  /** Scrum only: the server's "now" (ISO), whether the viewer runs sprints, and the planned sprints (next first). */
  scrum?: { now: string; canManage: boolean; nextSprint: SprintDto | null; planned: Array<{ id: string; name: string }> };
}

export function Board({ board: serverBoard, members, epics, canEdit, canOverride, scrum }: BoardProps) {
  const { search, setFilters, setView, isFiltering } = useBoardUrl();
  const live = useBoardLive(serverBoard, search);
  const { board, move, override } = useBoardMoves(live.board, live.reload, canOverride);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const filterRef = useRef<HTMLInputElement>(null);
  const viewport = useBoardViewport<HTMLDivElement>();
  const openCard = useCallback((cardKey: string) => setView({ card: cardKey }), [setView]);
  const labels = useMemo(() => [...new Set(board.columns.flatMap((column) => column.cards.flatMap((card) => card.labels)))].sort(), [board]);
  const openCardOnBoard = search.card ? board.columns.flatMap((column) => column.cards).find((card) => card.key === search.card) : undefined;
  const openSignature = openCardOnBoard && `${openCardOnBoard.version}:${openCardOnBoard.dod?.done}/${openCardOnBoard.dod?.total}:${openCardOnBoard.pipeline?.status}`;

  const noSprint = scrum !== undefined && board.project.activeSprint === null;
  const active = board.project.activeSprint;
  const sprints = scrum && [...(active ? [{ id: active.id, name: active.name, active: true }] : []), ...scrum.planned.map((sprint) => ({ ...sprint, active: false }))];

  // "c" (new card) belongs to the project header's create dialog.
  useHotkeys({ "/": () => filterRef.current?.focus() });

  return (
    <div className="flex flex-col">
      {scrum && board.project.activeSprint ? (
        <SprintBoardHeader
          projectKey={board.project.key}
          sprint={board.project.activeSprint}
          now={scrum.now}
          canManage={scrum.canManage}
          nextSprintName={scrum.nextSprint?.name ?? null}
        />
      ) : null}
      {noSprint ? null : (
        <BoardToolbar
          wipMode={board.project.wipMode}
          members={members}
          labels={labels}
          search={search}
          isFiltering={isFiltering}
          filterRef={filterRef}
          onFilter={setFilters}
          onLane={(lane) => setView({ lane: lane === "none" ? null : lane })}
          onShortcuts={() => setShowShortcuts(true)}
        />
      )}
      {noSprint ? (
        <NoSprintState projectKey={board.project.key} nextSprint={scrum!.nextSprint} canManage={scrum!.canManage} />
      ) : (
        <div ref={viewport} data-board-scroll className="overflow-auto px-4 sm:px-6">
          <BoardGrid board={board} laneMode={search.lane} canDrag={canEdit} onMove={move} onOpen={openCard} onRemoteChange={live.reload} />
        </div>
      )}
      <CardDrawer cardKey={search.card ?? null} boardSignature={openSignature} members={members} epics={epics} canEdit={canEdit} sprints={sprints || undefined} onClose={() => setView({ card: null })} />
      <OverrideDialog request={override.request} onConfirm={override.moveAnyway} onClose={override.cancel} />
      <ShortcutsDialog shortcuts={SHORTCUTS} open={showShortcuts} onOpenChange={setShowShortcuts} />
    </div>
  );
}
