// Collision detection and keyboard movement for a board of lane × column cells, after dnd-kit's
// "Multiple Containers" story. Cards stay in their swimlane: lanes group cards, they are not targets.
import {
  closestCenter,
  closestCorners,
  getFirstCollision,
  KeyboardCode,
  pointerWithin,
  rectIntersection,
  type CollisionDetection,
  type DroppableContainer,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from "@dnd-kit/core";

/** `data` every board droppable carries. Cells are the containers; cards are sortable items. */
export interface DropData {
  type: "cell" | "card";
  laneId: string;
  columnId: string;
  /** For cells: whether it holds cards (a hit on it is narrowed to its nearest card). */
  hasCards?: boolean;
  /** For cards: the cell they are in right now. */
  cellId?: string;
}

const dataOf = (container: { data: { current?: unknown } }) => container.data.current as DropData | undefined;

/**
 * The board's collision detection, with its memory: the cell under the pointer (pointer-within,
 * else rect intersection, as for the keyboard), narrowed to its closest card when it has cards;
 * no hit repeats the last target (or the card itself right after it changed cell), which avoids
 * flicker between two cells. Only droppables in the dragged card's lane take part.
 */
export function createBoardCollision() {
  /** Last target: keeps the drop position steady while the layout shifts after a move. */
  let lastOverId: UniqueIdentifier | null = null;
  /** Set when a card just changed cell; cleared on the next frame. */
  let movedToNewCell = false;

  const detect: CollisionDetection = (args) => {
    const lane = dataOf(args.active)?.laneId;
    const inLane = args.droppableContainers.filter((container) => dataOf(container)?.laneId === lane);
    // Cells first, then only the cards of the hit cell: reading a droppable's rect costs scroll
    // offset reads, so a 500-card board must not test every card on every pointer move.
    const cells = { ...args, droppableContainers: inLane.filter((container) => dataOf(container)?.type === "cell") };
    const pointerHits = pointerWithin(cells);
    // A pointer in the gap between two columns keeps its last target. Falling back to rect
    // intersection there would flip between the neighbours as each move reshapes them.
    if (pointerHits.length === 0 && args.pointerCoordinates && lastOverId != null) return [{ id: lastOverId }];
    const cellId = getFirstCollision(pointerHits.length > 0 ? pointerHits : rectIntersection(cells), "id");
    if (cellId != null) {
      const cards = inLane.filter((container) => dataOf(container)?.cellId === cellId);
      const overId = cards.length > 0 ? (closestCenter({ ...args, droppableContainers: cards })[0]?.id ?? cellId) : cellId;
      lastOverId = overId;
      return [{ id: overId }];
    }
    if (movedToNewCell) lastOverId = args.active.id;
    return lastOverId != null ? [{ id: lastOverId }] : [];
  };

  return {
    detect,
    reset() {
      lastOverId = null;
      movedToNewCell = false;
    },
    /** Whether a card changed cell since the last frame; another change waits for the next frame. */
    get justMoved() {
      return movedToNewCell;
    },
    movedToNewCell() {
      movedToNewCell = true;
      requestAnimationFrame(() => (movedToNewCell = false));
    },
  };
}

const ARROWS: string[] = [KeyboardCode.Down, KeyboardCode.Right, KeyboardCode.Up, KeyboardCode.Left];

/**
 * Arrow keys move the picked-up card to the nearest droppable in that direction: up/down within
 * its column, left/right into the neighbouring columns of the same lane (a card there, or the cell
 * itself when it is empty).
 */
export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  if (!ARROWS.includes(event.code)) return undefined;
  event.preventDefault();
  const { active, collisionRect, droppableRects, droppableContainers, over } = context;
  if (!active || !collisionRect) return undefined;
  const activeData = active.data.current as (DropData & { sortable?: { containerId: UniqueIdentifier } }) | undefined;
  const currentCell = activeData?.sortable?.containerId;
  const currentColumn = droppableContainers.get(currentCell ?? null)?.data.current as DropData | undefined;
  const vertical = event.code === KeyboardCode.Up || event.code === KeyboardCode.Down;

  const candidates: DroppableContainer[] = [];
  for (const entry of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(entry.id);
    const data = dataOf(entry);
    if (!rect || !data || entry.id === active.id || data.laneId !== activeData?.laneId) continue;
    if (data.type === "cell" && data.hasCards) continue;
    if (vertical !== (data.columnId === currentColumn?.columnId)) continue;
    const isCandidate =
      (event.code === KeyboardCode.Down && collisionRect.top < rect.top) ||
      (event.code === KeyboardCode.Up && collisionRect.top > rect.top) ||
      (event.code === KeyboardCode.Left && collisionRect.left >= rect.left + rect.width) ||
      (event.code === KeyboardCode.Right && collisionRect.left + collisionRect.width <= rect.left);
    if (isCandidate) candidates.push(entry);
  }

  const collisions = closestCorners({ active, collisionRect, droppableRects, droppableContainers: candidates, pointerCoordinates: null });
  let closestId = getFirstCollision(collisions, "id");
  if (closestId === over?.id && collisions.length > 1) closestId = collisions[1]?.id ?? null;
  if (closestId == null) return undefined;
  const target = droppableContainers.get(closestId);
  const rect = target?.rect.current;
  if (!target?.node.current || !rect) return undefined;
  // Aim inside an empty cell rather than at its edge, so pointer-within picks it up.
  return dataOf(target)?.type === "cell" ? { x: rect.left + 8, y: rect.top + 8 } : { x: rect.left, y: rect.top };
};
