"use client";
// What the Done and Ready checklists share: ticking an item through the server action, then
// telling the screen (a page refresh, or the side panel's reload).
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { tickItemAction } from "@/lib/actions/dod";

export function useChecklist(cardKey: string, onChange?: () => void) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const changed = onChange ?? (() => router.refresh());
  /** Runs a change; a refused one shows its message. Either way the screen reloads. */
  const run = (change: () => Promise<{ ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string> }>, onDone?: () => void) =>
    startTransition(async () => {
      const result = await change();
      if (result.ok) onDone?.();
      else toast.error(Object.values(result.fieldErrors ?? {})[0] ?? result.message);
      changed();
    });
  const tick = (itemId: string, done: boolean) => run(() => tickItemAction(cardKey, itemId, { done }));
  return { pending, run, tick };
}
