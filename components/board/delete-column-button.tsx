"use client";
// Deleting a column. Its cards need a new home first, so a non-empty column asks where they go.
// (No <form> inside: the dialog renders within a column's form in the React tree.)
import { Trash2 } from "lucide-react";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { deleteColumnAction } from "@/lib/actions/board";
import { plural } from "./card-meta";
import type { SettingsColumn } from "./column-settings-row";

export function DeleteColumnButton({ projectKey, column, others }: { projectKey: string; column: SettingsColumn; others: SettingsColumn[] }) {
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState(others[0]?.id ?? "");
  const [deleting, startDeleting] = useTransition();
  const selectId = useId();
  const hasCards = column.count > 0;

  const confirm = () =>
    startDeleting(async () => {
      const result = await deleteColumnAction(projectKey, column.id, hasCards ? target : undefined);
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      const moved = result.data.movedCards;
      toast.success(`Deleted "${column.name}"`, moved ? { description: `${plural(moved, "card")} moved to ${others.find((o) => o.id === target)?.name}.` } : undefined);
      setOpen(false);
    });

  return (
    <>
      <Button size="sm" variant="ghost" className="ml-auto text-danger" onClick={() => setOpen(true)} disabled={others.length === 0}>
        <Trash2 aria-hidden /> Delete
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent
          title={`Delete "${column.name}"?`}
          description={hasCards ? `It holds ${plural(column.count, "card")}. They move to the bottom of the column you choose, with history.` : "It has no cards."}
          size="sm"
        >
          {hasCards ? (
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={selectId}>Move its cards to</Label>
              <Select id={selectId} value={target} onChange={(event) => setTarget(event.target.value)}>
                {others.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.name}
                  </option>
                ))}
              </Select>
            </div>
          ) : null}
          <DialogFooter>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              Keep it
            </Button>
            <Button variant="danger" loading={deleting} onClick={confirm}>
              Delete column
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
