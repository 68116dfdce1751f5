"use client";
// Actions for the selected cards: they move together and keep their relative order.
import { ArrowDownToLine, ArrowUpToLine, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";

type Props = {
  count: number;
  canRank: boolean;
  targets: Array<{ id: string; name: string }>;
  onTop: () => void;
  onBottom: () => void;
  onPlan: (section: string) => void;
  onClear: () => void;
};

export function BulkBar({ count, canRank, targets, onTop, onBottom, onPlan, onClear }: Props) {
  return (
    <div role="toolbar" aria-label="Selected cards" className="sticky top-2 z-20 flex flex-wrap items-center gap-2 rounded-lg border border-accent/40 bg-accent-subtle px-3 py-1.5 text-sm shadow-overlay">
      <span className="font-medium">{count} selected</span>
      {canRank ? (
        <>
          <Button size="sm" variant="ghost" onClick={onTop}><ArrowUpToLine aria-hidden /> Top of backlog</Button>
          <Button size="sm" variant="ghost" onClick={onBottom}><ArrowDownToLine aria-hidden /> Bottom of backlog</Button>
        </>
      ) : null}
      <Select aria-label="Move selected cards to" value="" onChange={(event) => event.target.value && onPlan(event.target.value)} wrapperClassName="w-48">
        <option value="">Move to…</option>
        {targets.map((target) => (
          <option key={target.id} value={target.id}>{target.name}</option>
        ))}
      </Select>
      <Button size="sm" variant="ghost" className="ml-auto" onClick={onClear}><X aria-hidden /> Clear selection</Button>
    </div>
  );
}
