"use client";
// Drag state of the backlog (dnd-kit "multiple containers"): sections are containers, rows are
// sortable items. A row dragged over another section joins it at once; on drop the block (the row,
// or every selected row when it is selected) is placed and handed to `onMove`, which asks the
// server. A refusal, or a cancelled drag, restores the snapshot taken at pick-up.
import {
  closestCenter,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useCallback, useRef, useState } from "react";
import { anchorIn, containerOf, displayOrder, placeBlock, type Lists, type Move } from "./moves";

type Options = {
  lists: Lists;
  /** Section ids in display order. */
  sections: string[];
  sectionName: (section: string) => string;
  selected: ReadonlySet<string>;
  /** Asks the server; resolves false when it refused (the lists then roll back). */
  onMove: (move: Move, reorderOnly: boolean) => Promise<boolean>;
};

export function useBacklogDnd({ lists: fromServer, sections, sectionName, selected, onMove }: Options) {
  const [local, setLists] = useState(fromServer);
  const [shown, setShown] = useState(fromServer);
  // New data from the server (after any change) replaces the local order, in this very render:
  // a new sprint must not meet the old lists.
  let lists = local;
  if (fromServer !== shown) {
    setShown(fromServer);
    setLists(fromServer);
    lists = fromServer;
  }
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const snapshot = useRef<Lists | null>(null);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  /** Pointer inside a section first; over a section with rows, the nearest row wins. */
  const collisionDetection: CollisionDetection = useCallback(
    (args) => {
      const hits = pointerWithin(args);
      const found = hits.length ? hits : rectIntersection(args);
      const first = found[0];
      if (!first) return [];
      const section = String(first.id);
      if (section in lists && lists[section]!.length) {
        const rows = args.droppableContainers.filter((container) => lists[section]!.includes(String(container.id)));
        return closestCenter({ ...args, droppableContainers: rows });
      }
      return [first];
    },
    [lists],
  );

  const onDragStart = ({ active }: DragStartEvent) => {
    snapshot.current = lists;
    setActiveKey(String(active.id));
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over) return;
    const key = String(active.id);
    setLists((current) => {
      const from = containerOf(current, key);
      const to = containerOf(current, String(over.id));
      if (!from || !to || from === to) return current;
      const target = current[to]!;
      const overIndex = target.indexOf(String(over.id));
      const below = active.rect.current.translated && active.rect.current.translated.top > over.rect.top + over.rect.height / 2;
      const index = overIndex < 0 ? target.length : overIndex + (below ? 1 : 0);
      return { ...current, [from]: current[from]!.filter((k) => k !== key), [to]: [...target.slice(0, index), key, ...target.slice(index)] };
    });
  };

  const restore = () => {
    if (snapshot.current) setLists(snapshot.current);
    snapshot.current = null;
    setActiveKey(null);
  };

  const onDragEnd = async ({ active, over }: DragEndEvent) => {
    const before = snapshot.current;
    const key = String(active.id);
    setActiveKey(null);
    if (!over || !before) return restore();
    const to = containerOf(lists, key)!;
    // Within a section the row only moved visually (transforms); put it where it was dropped.
    let next = lists;
    const target = lists[to]!;
    const overIndex = target.indexOf(String(over.id));
    if (overIndex >= 0 && String(over.id) !== key) {
      const without = target.filter((k) => k !== key);
      const at = target.indexOf(key) < overIndex ? without.indexOf(String(over.id)) + 1 : without.indexOf(String(over.id));
      next = { ...lists, [to]: [...without.slice(0, at), key, ...without.slice(at)] };
    }
    const keys = selected.has(key) && selected.size > 1 ? displayOrder(before, sections).filter((k) => selected.has(k)) : [key];
    next = placeBlock(next, keys, to, key);
    const unchanged = sections.every((section) => (next[section] ?? []).join() === (before[section] ?? []).join());
    snapshot.current = null;
    if (unchanged) return setLists(before);
    setLists(next);
    const reorderOnly = keys.every((k) => containerOf(before, k) === to);
    if (!(await onMove({ keys, to, anchor: anchorIn(next[to]!, keys) }, reorderOnly))) setLists(before);
  };

  const position = (id: string) => {
    const section = containerOf(lists, id);
    if (!section) return "";
    return `position ${lists[section]!.indexOf(id) + 1} of ${lists[section]!.length} in ${sectionName(section)}`;
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${active.id}, at ${position(String(active.id))}.`,
    onDragOver: ({ active, over }) => (over ? `${active.id} is now at ${position(String(active.id))}.` : `${active.id} is no longer over a list.`),
    onDragEnd: ({ active, over }) => (over ? `Dropped ${active.id} at ${position(String(active.id))}.` : `Dropped ${active.id} where it started.`),
    onDragCancel: ({ active }) => `Moving ${active.id} was cancelled; it is back where it was.`,
  };

  return {
    lists,
    activeKey,
    dndProps: {
      sensors,
      collisionDetection,
      onDragStart,
      onDragOver,
      onDragEnd,
      onDragCancel: restore,
      accessibility: {
        announcements,
        screenReaderInstructions: {
          draggable: "To move a card, press space or enter. Use the up and down arrow keys to move it, also into another sprint or the backlog. Press space or enter to drop it, or escape to cancel.",
        },
      },
    },
  };
}
