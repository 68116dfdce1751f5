"use client";
// Inline creation: a title input in the list at the chosen place. Enter adds the card and keeps the
// input open just below it, so a product owner can type several in a row; Escape closes.
import { useRef, useState, useTransition, type KeyboardEvent } from "react";
import { toast } from "sonner";
import { Spinner } from "@/components/ui/spinner";
import { createBacklogCardAction } from "@/lib/actions/backlog";
import { BACKLOG } from "./moves";

type Props = {
  projectKey: string;
  section: string;
  /** Create right after this card; null means at the end of the section. */
  afterKey: string | null;
  lastKeyOfSection: string | null;
  onCreated: (key: string) => void;
  onClose: () => void;
};

export function InlineCreate({ projectKey, section, afterKey, lastKeyOfSection, onCreated, onClose }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const input = useRef<HTMLInputElement>(null);

  const create = (title: string) =>
    startTransition(async () => {
      const after = afterKey ?? lastKeyOfSection;
      const result = await createBacklogCardAction(projectKey, {
        title,
        sprintId: section === BACKLOG ? null : section,
        ...(after ? { afterKey: after } : { position: "bottom" }),
      });
      if (!result.ok) {
        setError(result.fieldErrors?.title ?? result.message);
        return;
      }
      setError(null);
      if (input.current) input.current.value = "";
      toast.success(`Created ${result.data.key}.`);
      onCreated(result.data.key);
    });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") onClose();
    if (event.key === "Enter" && event.currentTarget.value.trim()) create(event.currentTarget.value.trim());
  };

  return (
    <li className="flex h-9 items-center gap-2 border-b border-border bg-surface px-2">
      <span aria-hidden className="w-5" />
      <input
        ref={input}
        autoFocus
        aria-label="New card title"
        aria-invalid={error ? true : undefined}
        aria-describedby="inline-create-help"
        placeholder="What needs doing?"
        onKeyDown={onKeyDown}
        onBlur={(event) => !event.currentTarget.value && !pending && onClose()}
        className="h-7 min-w-0 flex-1 rounded-md border border-accent bg-surface px-2 text-sm outline-none"
      />
      {pending ? <Spinner size="sm" label="Creating the card" /> : null}
      <span id="inline-create-help" aria-live="polite" className={error ? "text-xs text-danger" : "hidden text-xs text-muted sm:inline"}>
        {error ?? "Enter to add · Esc to close"}
      </span>
    </li>
  );
}
