import { z } from "zod";
import { textOrNull, type PipelineEvent } from "./types";

/** Zod atoms and helpers shared by the GitHub normalizers (github.ts, github-checks.ts). */

// Schemas list only what we read. z.object ignores unknown keys, and
// everything not needed to identify a record is nullish, so older payloads
// (no display_title, run_attempt or workflow_name) still normalize.
export const id = z.union([z.number(), z.string().min(1)]);
export const text = z.string().nullish();
export const repository = z.object({ id: id.nullish(), full_name: text }).nullish();
export const commit = z.object({ id: text, message: text, timestamp: text }).nullish();
export const pullRequests = z.array(z.object({ head: z.object({ ref: text }).nullish() })).nullish();
export const deployment = z.object({
  id,
  sha: text,
  ref: text,
  environment: text,
  production_environment: z.boolean().nullish(),
  created_at: text,
  updated_at: text,
});
export const deploymentWorkflowRun = z.object({ head_branch: text, html_url: text }).nullish();

export type Repository = z.output<typeof repository>;

export function source(repo: Repository): Pick<PipelineEvent, "repository" | "repositoryId"> {
  return { repository: textOrNull(repo?.full_name), repositoryId: repo?.id == null ? null : String(repo.id) };
}

export function headRefs(prs: z.output<typeof pullRequests>): Array<string | null | undefined> {
  return (prs ?? []).map((pr) => pr.head?.ref);
}

