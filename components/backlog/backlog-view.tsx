"use client";
// The backlog, Jira-like: the running sprint and the planned ones as sections above the unplanned
// cards, all in the product owner's order. A sprint lists every card it holds; the backlog
// section lists the work not started yet (started and done cards on a switch). Rows move by drag
// (pointer or keyboard), by their menu, or several at once when selected.
import { DndContext, DragOverlay } from "@dnd-kit/core";
import { useEffect, useId, useMemo, useRef, useState, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { OverrideDialog } from "@/components/dod/override-dialog";
import { ShortcutsDialog, type Shortcut } from "@/components/ui/shortcuts-dialog";
import { ActiveSprintBanner } from "@/components/sprint/active-sprint-banner";
import { SprintHeader } from "@/components/sprint/sprint-header";
import { useHotkeys } from "@/lib/hooks/use-hotkeys";
import type { BacklogCard } from "@/lib/server/queries/backlog";
import type { SprintDto } from "@/lib/server/queries/sprints";
import { BacklogFilters } from "./backlog-filters";
import { BacklogHeader } from "./backlog-header";
import { BacklogRow } from "./backlog-row";
import { BacklogSection } from "./backlog-section";
import { BulkBar } from "./bulk-bar";
import { InlineCreate } from "./inline-create";
import { BACKLOG, containerOf, displayOrder, type Lists } from "./moves";
import { useBacklogDnd } from "./use-backlog-dnd";
import { useBacklogMoves } from "./use-backlog-moves";
import { useBacklogUrl } from "./use-backlog-url";

const SHORTCUTS: Shortcut[] = [
  { keys: ["c"], description: "New card (dialog)" },
  { keys: ["a"], description: "Add a card inline, below the focused card or at the bottom" },
  { keys: ["j"], description: "Next card" },
  { keys: ["k"], description: "Previous card" },
  { keys: ["x"], description: "Select or unselect the focused card" },
  { keys: ["/"], description: "Search the backlog" },
  { keys: ["Escape"], description: "Clear the selection" },
  { keys: ["space"], description: "On a drag handle: pick up or drop; arrows move it", group: "Reordering" },
];

export type BacklogViewProps = {
  projectKey: string;
  access: { canRank: boolean; canPlan: boolean; canManage: boolean };
  cards: BacklogCard[];
  active: SprintDto | null;
  planned: SprintDto[];
  hasMore: boolean;
  total: number;
  /** Started or done cards outside sprints left out of the list (while `showAll` is off). */
  hidden: number;
  showAll: boolean;
  /** A card to show and highlight (e.g. one just created), wherever it sits. */
  focusKey: string | null;
  limit: number;
  scale: number[];
  filtered: boolean;
  suggestedSprintName: string;
  facets: Omit<ComponentProps<typeof BacklogFilters>, "searchRef">;
};

export function BacklogView(props: BacklogViewProps) {
  const { projectKey, access, cards, active, planned, hasMore, total, hidden, showAll, focusKey, limit, scale, filtered, suggestedSprintName, facets } = props;
  const { canRank, canPlan, canManage } = access;
  const sprints = useMemo(() => (active ? [active, ...planned] : planned), [active, planned]);
  const byKey = useMemo(() => new Map(cards.map((card) => [card.key, card])), [cards]);
  const serverLists = useMemo<Lists>(
    () => ({
      ...Object.fromEntries(sprints.map((sprint) => [sprint.id, cards.filter((card) => card.sprintId === sprint.id).map((card) => card.key)])),
      [BACKLOG]: cards.filter((card) => !card.sprintId).map((card) => card.key),
    }),
    [cards, sprints],
  );
  const sections = useMemo(() => [...sprints.map((sprint) => sprint.id), BACKLOG], [sprints]);
  const names = useMemo(
    () => new Map<string, string>([...sprints.map((s) => [s.id, s.state === "active" ? `${s.name} (active)` : s.name] as const), [BACKLOG, "Backlog"]]),
    [sprints],
  );
  const sectionName = (id: string) => names.get(id) ?? "Backlog";

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [lastClicked, setLastClicked] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [creating, setCreating] = useState<{ section: string; afterKey: string | null } | null>(null);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const { setParams } = useBacklogUrl();
  const searchRef = useRef<HTMLInputElement>(null);
  const { move, toEdge, plan, override } = useBacklogMoves(projectKey, canRank);
  const { lists, activeKey, dndProps } = useBacklogDnd({ lists: serverLists, sections, sectionName, selected, onMove: move });
  const order = displayOrder(lists, sections);
  const listRef = useRef<HTMLDivElement>(null);
  // A stable id keeps dnd-kit's generated aria ids equal on the server and in the browser.
  const dndId = useId();

  const select = (key: string, range: boolean) => {
    const section = containerOf(lists, key);
    const list = section ? lists[section]! : [];
    const next = new Set(selected);
    if (range && lastClicked && list.includes(lastClicked)) {
      const [a, b] = [list.indexOf(lastClicked), list.indexOf(key)].sort((x, y) => x - y);
      for (const k of list.slice(a, b! + 1)) next.add(k);
    } else if (next.has(key)) next.delete(key);
    else next.add(key);
    setSelected(next);
    setLastClicked(key);
  };
  const focusRow = (key: string) => {
    setFocused(key);
    listRef.current?.querySelector<HTMLElement>(`li[data-key="${key}"]`)?.focus();
  };
  // A card asked for (just created) is scrolled to, focused and highlighted once it is listed.
  useEffect(() => {
    const row = focusKey ? listRef.current?.querySelector<HTMLElement>(`li[data-key="${CSS.escape(focusKey)}"]`) : null;
    if (!row) return;
    row.scrollIntoView({ block: "center" });
    row.focus({ preventScroll: true });
  }, [focusKey]);
  const step = (by: number) => {
    const at = focused ? order.indexOf(focused) : -1;
    const next = order[Math.min(order.length - 1, Math.max(0, at + by))];
    if (next) focusRow(next);
  };
  useHotkeys({
    // "c" is the project-wide "New card" dialog; "a" adds inline, where the focus is.
    // New cards go into the backlog or a planned sprint, not straight into the running one.
    a: () => {
      const section = focused ? (containerOf(lists, focused) ?? BACKLOG) : BACKLOG;
      if (canPlan) setCreating(section === active?.id ? { section: BACKLOG, afterKey: null } : { section, afterKey: focused });
    },
    j: () => step(1),
    k: () => step(-1),
    x: () => focused && canPlan && select(focused, false),
    "/": () => searchRef.current?.focus(),
    Escape: () => (setSelected(new Set()), setCreating(null)),
  });

  const targetsFor = (section: string) => sections.filter((id) => id !== section).map((id) => ({ id, name: sectionName(id) }));
  const rows = (section: string) =>
    lists[section]!.flatMap((key) => {
      const card = byKey.get(key);
      if (!card) return [];
      const row = (
        <BacklogRow
          key={key}
          card={card}
          section={section}
          selected={selected.has(key)}
          focused={focused === key}
          highlighted={focusKey === key}
          canDrag={canPlan}
          canEdit={canPlan}
          scale={scale}
          onSelect={select}
          onFocusRow={setFocused}
          onAddBelow={section === active?.id ? undefined : (after) => setCreating({ section, afterKey: after })}
          menu={{
            targets: targetsFor(section),
            canRank,
            canPlan,
            onTop: () => toEdge(lists, [key], "top"),
            onBottom: () => toEdge(lists, [key], "bottom"),
            onPlan: (to) => plan([key], to),
          }}
        />
      );
      return creating?.section === section && creating.afterKey === key ? [row, inline(section, key)] : [row];
    });
  const inline = (section: string, afterKey: string | null) => (
    <InlineCreate
      key={`create-${afterKey ?? "end"}`}
      projectKey={projectKey}
      section={section}
      afterKey={afterKey}
      lastKeyOfSection={lists[section]!.at(-1) ?? null}
      onCreated={(key) => setCreating({ section, afterKey: key })}
      onClose={() => setCreating(null)}
    />
  );
  // An inline input whose anchor row is not (yet) shown sits at the end of its section.
  const inlineAtEnd = (section: string) => (creating?.section === section && (creating.afterKey === null || !lists[section]!.includes(creating.afterKey)) ? inline(section, creating.afterKey) : null);
  const selectedKeys = order.filter((key) => selected.has(key));
  const overlay = activeKey ? byKey.get(activeKey) : undefined;

  return (
    <div ref={listRef} className="flex min-w-0 flex-1 flex-col gap-4">
      <BacklogFilters {...facets} searchRef={searchRef} />
      {selectedKeys.length > 0 ? (
        <BulkBar
          count={selectedKeys.length}
          canRank={canRank}
          targets={sections.map((id) => ({ id, name: sectionName(id) }))}
          onTop={() => move({ keys: selectedKeys, to: BACKLOG, anchor: { position: "top" } }, true)}
          onBottom={() => move({ keys: selectedKeys, to: BACKLOG, anchor: { position: "bottom" } }, true)}
          onPlan={(to) => plan(selectedKeys, to).then((ok) => ok && setSelected(new Set()))}
          onClear={() => setSelected(new Set())}
        />
      ) : null}
      <DndContext id={dndId} {...dndProps}>
        {active ? (
          <BacklogSection
            id={active.id}
            keys={lists[active.id]!}
            headingId={`sprint-${active.id}`}
            label={`Active sprint ${active.name}`}
            header={<ActiveSprintBanner projectKey={projectKey} sprint={active} headingId={`sprint-${active.id}`} canManage={canManage} nextSprintName={planned[0]?.name ?? null} />}
            empty={canPlan ? "No cards in the running sprint. Drag cards here, or use a card's menu: additions are recorded in the sprint report." : "No cards in the running sprint."}
          >
            {rows(active.id)}
          </BacklogSection>
        ) : null}
        {planned.map((sprint) => (
          <BacklogSection
            key={sprint.id}
            id={sprint.id}
            keys={lists[sprint.id]!}
            headingId={`sprint-${sprint.id}`}
            header={<SprintHeader projectKey={projectKey} sprint={sprint} headingId={`sprint-${sprint.id}`} canManage={canManage} activeSprintName={active?.name ?? null} />}
            empty={canPlan ? "Plan this sprint: drag cards here from the backlog, or use a card's menu." : "No cards planned yet."}
            onCreate={canPlan ? () => setCreating({ section: sprint.id, afterKey: null }) : undefined}
          >
            {rows(sprint.id)}
            {inlineAtEnd(sprint.id)}
          </BacklogSection>
        ))}
        <BacklogSection
          id={BACKLOG}
          keys={lists[BACKLOG]!}
          headingId="backlog-heading"
          header={
            <BacklogHeader
              projectKey={projectKey}
              total={total}
              hidden={hidden}
              showAll={showAll}
              filtered={filtered}
              canManage={canManage}
              suggestedSprintName={suggestedSprintName}
              onShowAll={(on) => setParams({ show: on ? "all" : null, limit: null })}
              onShortcuts={() => setShowShortcuts(true)}
            />
          }
          empty={
            filtered
              ? "No cards match these filters."
              : hidden > 0
                ? "Every card outside the sprints is started or done. Show them, or create a card."
                : canPlan
                  ? "The backlog is empty. Press a or “Create card” to add the first one."
                  : "The backlog is empty."
          }
          onCreate={canPlan ? () => setCreating({ section: BACKLOG, afterKey: null }) : undefined}
          footer={
            hasMore ? (
              <div className="flex items-center justify-center gap-2 border-t border-border px-3 py-2 text-xs text-muted">
                Showing {lists[BACKLOG]!.length} of {total}
                <Button size="sm" variant="ghost" onClick={() => setParams({ limit: String(limit + 200) })}>Show 200 more</Button>
              </div>
            ) : null
          }
        >
          {rows(BACKLOG)}
          {inlineAtEnd(BACKLOG)}
        </BacklogSection>
        <DragOverlay>
          {overlay ? (
            <div className="flex h-9 items-center gap-2 rounded-md border border-accent bg-surface px-3 text-sm shadow-overlay">
              <span className="font-mono text-xs text-muted">{overlay.key}</span>
              <span className="truncate">{overlay.title}</span>
              {selected.has(overlay.key) && selected.size > 1 ? <span className="ml-auto text-xs font-medium text-accent">+{selected.size - 1} more</span> : null}
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      <ShortcutsDialog shortcuts={SHORTCUTS} open={showShortcuts} onOpenChange={setShowShortcuts} />
      <OverrideDialog request={override.request} onConfirm={override.planAnyway} onClose={override.cancel} />
    </div>
  );
}
