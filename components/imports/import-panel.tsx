"use client";
import { Eye, Upload } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ImportSource } from "@/lib/domain/import";
import type { ImportPlanPreview } from "@/lib/server/services/imports";
import { ImportPreviewForm, type ImportChoices } from "./import-preview";
import { ImportProgress } from "./import-progress";

export const SOURCE_LABELS: Record<ImportSource, string> = {
  trello: "Trello board (JSON)",
  "jira-csv": "Jira (CSV, all fields)",
  "jira-json": "Jira Cloud (REST JSON with changelog)",
  "linear-csv": "Linear (CSV workspace export)",
  shipboard: "Shipboard export (JSON)",
};

type Target = { id: string; name: string };
/** `followRunId`: an import already started (a new project from a file) whose progress to show. */
type Props = { projectKey: string; maxBytes: number; columns: Target[]; members: Target[]; followRunId?: string };
type Upload = { source: ImportSource; file: string; fileName: string; includeArchived: boolean };

/** The API's error body, as one sentence for the person importing. */
async function failureOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `The server answered ${response.status}.`;
}

/**
 * Upload → dry-run preview (editable mapping) → run with live progress → summary. Sent as JSON to
 * the import API (the same service scripts use); a file can be far larger than a server action takes.
 */
export function ImportPanel({ projectKey, maxBytes, columns, members, followRunId }: Props) {
  const [source, setSource] = useState<ImportSource>("trello");
  const [includeArchived, setIncludeArchived] = useState(false);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preview, setPreview] = useState<ImportPlanPreview | null>(null);
  const [runId, setRunId] = useState<string | null>(followRunId ?? null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const post = (body: Upload & { dryRun: boolean; mapping?: unknown }) =>
    fetch(`/api/v1/projects/${encodeURIComponent(projectKey)}/imports`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  async function requestPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    setError(null);
    setPreview(null);
    setRunId(null);
    if (!(file instanceof File) || file.size === 0) return setError("Choose the file your tool exported.");
    if (file.size > maxBytes) return setError(`The file is over the ${maxBytes / 1024 / 1024} MB limit.`);
    setPending(true);
    try {
      const next = { source, file: await file.text(), fileName: file.name, includeArchived };
      const response = await post({ ...next, dryRun: true });
      if (!response.ok) return setError(await failureOf(response));
      setUpload(next);
      setPreview(((await response.json()) as { preview: ImportPlanPreview }).preview);
    } finally {
      setPending(false);
    }
  }

  async function run(choices: ImportChoices) {
    if (!upload) return;
    setError(null);
    setPending(true);
    try {
      const response = await post({ ...upload, dryRun: false, mapping: choices });
      if (!response.ok) return setError(await failureOf(response));
      setRunId(((await response.json()) as { id: string }).id);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={requestPreview} className="grid gap-3 rounded-xl border border-border bg-surface p-4 sm:grid-cols-2 sm:items-start">
        <Field label="Source" name="source">
          {(props) => (
            <Select {...props} value={source} onChange={(event) => setSource(event.target.value as ImportSource)} disabled={runId !== null}>
              {Object.entries(SOURCE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>{label}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="File" name="file" required hint={`JSON or CSV as the tool exports it, up to ${maxBytes / 1024 / 1024} MB.`}>
          {(props) => <Input {...props} type="file" accept=".json,.csv,application/json,text/csv" disabled={runId !== null} className="h-auto py-1" />}
        </Field>
        {source === "trello" ? (
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" className="size-4 accent-accent" checked={includeArchived} onChange={(event) => setIncludeArchived(event.target.checked)} disabled={runId !== null} />
            Include archived cards and lists
          </label>
        ) : null}
        <div className="sm:col-span-2">
          <Button type="submit" variant={preview ? "secondary" : "primary"} loading={pending && !preview} disabled={runId !== null}>
            <Eye aria-hidden /> Preview import
          </Button>
        </div>
      </form>
      {error ? (
        <p role="alert" className="rounded-xl border border-danger/40 bg-danger/5 p-4 text-sm text-danger">
          {error} Nothing was imported.
        </p>
      ) : null}
      {preview && !runId ? (
        <ImportPreviewForm key={JSON.stringify(preview.plan)} preview={preview} columns={columns} members={members} pending={pending} onRun={run} icon={<Upload aria-hidden />} />
      ) : null}
      {runId ? <ImportProgress importId={runId} projectKey={projectKey} /> : null}
    </div>
  );
}
