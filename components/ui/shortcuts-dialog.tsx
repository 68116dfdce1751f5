"use client";

import { useState } from "react";
import { hotkeyLabels, useHotkeys } from "@/lib/hooks/use-hotkeys";
import { Dialog, DialogContent } from "./dialog";
import { Kbd } from "./kbd";

export type Shortcut = {
  /**
   * Key specs in useHotkeys syntax: ["c"], ["mod+k"], ["g b"]. Several
   * entries are read in order, so ["g", "b"] also shows as G then B.
   */
  keys: string[];
  description: string;
  /** Section heading, e.g. "Navigation"; ungrouped items go under "General". */
  group?: string;
};

export type ShortcutsDialogProps = {
  shortcuts: Shortcut[];
  /** Controlled mode; omit both to let the dialog manage itself. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

/** Lists keyboard shortcuts; "?" opens it from anywhere outside a text field. */
export function ShortcutsDialog({ shortcuts, open, onOpenChange }: ShortcutsDialogProps) {
  const [uncontrolledOpen, setUncontrolledOpen] = useState(false);
  const isOpen = open ?? uncontrolledOpen;
  const setOpen = (next: boolean) => {
    if (open === undefined) setUncontrolledOpen(next);
    onOpenChange?.(next);
  };

  useHotkeys({ "?": () => setOpen(!isOpen) });

  const groups = new Map<string, Shortcut[]>();
  for (const shortcut of shortcuts) {
    const group = shortcut.group ?? "General";
    groups.set(group, [...(groups.get(group) ?? []), shortcut]);
  }

  return (
    <Dialog open={isOpen} onOpenChange={setOpen}>
      <DialogContent title="Keyboard shortcuts" description="Press ? at any time to see this list." size="md">
        <div className="flex flex-col gap-5">
          {[...groups].map(([group, items]) => (
            <section key={group} aria-label={group}>
              <h3 className="mb-1 text-xs font-medium text-muted">{group}</h3>
              <dl className="divide-y divide-border">
                {items.map((item) => (
                  <div key={item.description} className="flex items-center justify-between gap-4 py-2">
                    <dt className="text-sm">{item.description}</dt>
                    <dd className="flex shrink-0 items-center gap-1">
                      {item.keys
                        .flatMap((spec) => hotkeyLabels(spec))
                        .map((label, index) => (
                          <Kbd key={index}>{label}</Kbd>
                        ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </DialogContent>
    </Dialog>
  );
}
