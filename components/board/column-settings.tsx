"use client";
// Project settings → Columns & WIP: board rules, then the columns in order (drag, or the arrow
// buttons, to reorder), each editable in place, and a form to add one. Product owners and admins
// edit; everyone else sees the same screen read-only.
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, arrayMove, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useId, useOptimistic, useTransition } from "react";
import { toast } from "sonner";
import { reorderColumnAction } from "@/lib/actions/board";
import { AddColumnForm, BoardRules } from "./board-rules";
import { ReportStages } from "./report-stages";
import { ColumnRow, type SettingsColumn } from "./column-settings-row";
import type { WipMode } from "./types";

export interface ColumnSettingsProps {
  projectKey: string;
  mode: "SCRUM" | "KANBAN";
  wipMode: WipMode;
  agingDays: number;
  columns: SettingsColumn[];
  canEdit: boolean;
  /** What reports count as started and finished, and the time zone of their days. */
  stages: { startColumnId: string | null; finishColumnIds: string[]; timeZone: string };
}

type Reorder = { columnId: string; to: number };

export function ColumnSettings({ projectKey, mode, wipMode, agingDays, columns, canEdit, stages }: ColumnSettingsProps) {
  const [order, applyReorder] = useOptimistic(columns, (state: SettingsColumn[], { columnId, to }: Reorder) =>
    arrayMove(state, state.findIndex((column) => column.id === columnId), to),
  );
  const [, startTransition] = useTransition();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const dndId = useId();

  /** Moves a column to position `to`; the server gets its new neighbours, never an index. */
  const move = (columnId: string, to: number) => {
    const from = order.findIndex((column) => column.id === columnId);
    if (from < 0 || to < 0 || to >= order.length || from === to) return;
    const next = arrayMove(order, from, to);
    startTransition(async () => {
      applyReorder({ columnId, to });
      const result = await reorderColumnAction(projectKey, { columnId, afterId: next[to - 1]?.id, beforeId: next[to + 1]?.id });
      if (!result.ok) toast.error(result.message);
    });
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over) move(String(active.id), order.findIndex((column) => column.id === over.id));
  };

  return (
    <div className="flex flex-col gap-8">
      <BoardRules projectKey={projectKey} mode={mode} wipMode={wipMode} agingDays={agingDays} canEdit={canEdit} />
      <section aria-labelledby="columns-heading" className="flex flex-col gap-3">
        <div>
          <h2 id="columns-heading" className="text-base font-semibold">
            Columns
          </h2>
          <p className="text-sm text-muted">
            {canEdit
              ? "Left to right as on the board. Drag a column by its handle, or use the arrows, to reorder it. A WIP limit counts every card in the column."
              : "Only product owners and admins can change the columns."}
          </p>
        </div>
        <DndContext id={dndId} sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={order.map((column) => column.id)} strategy={verticalListSortingStrategy} disabled={!canEdit}>
            <ol className="flex flex-col gap-3">
              {order.map((column, index) => (
                <ColumnRow
                  key={column.id}
                  projectKey={projectKey}
                  column={column}
                  position={index + 1}
                  others={order.filter((other) => other.id !== column.id)}
                  canEdit={canEdit}
                  onMove={(step) => move(column.id, index + step)}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
        {canEdit ? <AddColumnForm projectKey={projectKey} /> : null}
      </section>
      <ReportStages projectKey={projectKey} columns={order} canEdit={canEdit} {...stages} />
    </div>
  );
}
