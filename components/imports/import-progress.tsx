"use client";
import { CircleCheck, CircleX } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { buttonVariants } from "@/components/ui/button";
import type { ImportSummary } from "@/lib/server/services/import-writer";

type Run = { status: "queued" | "running" | "succeeded" | "failed"; progress: number; summary: ImportSummary | null; error: string | null };

const POLL_MS = 500;

/** Follows a queued import until it finishes: a progress bar, then what it created and a way to the board. */
export function ImportProgress({ importId, projectKey }: { importId: string; projectKey: string }) {
  const [run, setRun] = useState<Run>({ status: "queued", progress: 0, summary: null, error: null });
  const finished = run.status === "succeeded" || run.status === "failed";

  useEffect(() => {
    if (finished) return;
    const timer = setTimeout(async () => {
      const response = await fetch(`/api/v1/imports/${encodeURIComponent(importId)}`, { cache: "no-store" }).catch(() => null);
      if (!response?.ok) return setRun((current) => ({ ...current }));
      const next = (await response.json()) as Run;
      if (next.status === "succeeded") toast.success(`Imported ${(next.summary?.cardsCreated ?? 0) + (next.summary?.cardsUpdated ?? 0)} cards`);
      if (next.status === "failed") toast.error("The import failed; nothing was written.");
      setRun(next);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [finished, importId, run]);

  const label = run.status === "queued" ? "Waiting to start…" : run.status === "running" ? `Writing… ${run.progress}%` : run.status === "succeeded" ? "Done" : "Failed";
  return (
    <section aria-label="Import run" className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4">
      <div className="flex items-center justify-between gap-3 text-sm">
        <span className="font-medium" aria-live="polite">{label}</span>
        <span className="tabular-nums text-muted">{run.progress}%</span>
      </div>
      <div role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={run.progress} className="h-2 overflow-hidden rounded-full bg-surface-2">
        <div className={run.status === "failed" ? "h-full bg-danger" : "h-full bg-accent transition-[width]"} style={{ width: `${run.progress}%` }} />
      </div>
      {run.status === "succeeded" && run.summary ? (
        <div className="flex flex-col gap-3">
          <p className="flex items-start gap-2 text-sm">
            <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-success" />
            <span>
              {run.summary.cardsCreated.toLocaleString()} cards created, {run.summary.cardsUpdated.toLocaleString()} updated, {run.summary.columnsCreated} new columns,{" "}
              {run.summary.sprints} sprints, {run.summary.events.toLocaleString()} history events, {run.summary.comments.toLocaleString()} comments.
            </span>
          </p>
          {run.summary.warnings.length ? <p className="text-sm text-muted">{run.summary.warnings.length} warnings: {run.summary.warnings.map((warning) => warning.message).join(" ")}</p> : null}
          <Link href={`/${projectKey}/board`} className={buttonVariants({ variant: "primary", className: "self-start" })}>
            Open the board
          </Link>
        </div>
      ) : null}
      {run.status === "failed" ? (
        <p role="alert" className="flex items-start gap-2 text-sm text-danger">
          <CircleX aria-hidden className="mt-0.5 size-4 shrink-0" />
          {run.error ?? "The import failed."} Nothing was written.
        </p>
      ) : null}
    </section>
  );
}
