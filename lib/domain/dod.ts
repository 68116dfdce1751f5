/**
 * Definition of Done: which checklist items are unmet, and what CI/CD facts
 * say about the automatic ones. Services load the facts for one card, map
 * provider rows into the types below, and evaluate every auto item with them.
 */

export type DodSignal = "checks_green" | "pr_merged" | "deployed" | "stage_succeeded";

export interface ChecklistItem {
  id: string;
  text: string;
  /** "manual" items are ticked by people; "auto" items follow `signal`. */
  kind: "manual" | "auto";
  /**
   * Stored state. For auto items it is also the memory of sticky signals
   * ("deployed"): the service must reset it when the item's signal,
   * environment or stage is edited.
   */
  done: boolean;
  signal?: DodSignal | null;
  /** Required by "deployed": the environment name, matched exactly. */
  environment?: string | null;
  /** Required by "stage_succeeded": the stage name, matched exactly. */
  stage?: string | null;
}

/** Provider statuses normalized by the webhook mapping. */
export type CiStatus = "pending" | "running" | "succeeded" | "failed" | "cancelled" | "skipped";

export interface PullRequestFact {
  number: number;
  url?: string | null;
  /** A merged PR is "closed" with `merged: true`; "closed" without it is abandoned. */
  state: "open" | "closed";
  merged: boolean;
  headSha: string | null;
  /** Head branch; it counts as a branch linked to the card. */
  headRef: string | null;
}

export interface RunFact {
  /** Provider's run id; re-run attempts share it. */
  id: string;
  /** Workflow/pipeline name. A later run with the same name on the same sha supersedes earlier ones; `null` groups by `id`. */
  name: string | null;
  sha: string | null;
  branch: string | null;
  status: CiStatus;
  attempt: number;
  /** When this attempt started (or was queued). With `attempt`, orders runs: later start wins, then higher attempt. */
  startedAt: Date;
  url?: string | null;
  /** Status of each stage this run reports, keyed by stage name. */
  stageStatuses?: Readonly<Record<string, CiStatus>>;
}

export interface DeploymentFact {
  environment: string;
  status: CiStatus;
  at: Date;
  url?: string | null;
}

/**
 * Everything CI/CD knows about one card. One value serves all of the card's
 * items. Facts are unordered; the evaluation orders runs by `startedAt`.
 */
export interface DodFacts {
  /** Pull requests linked to the card, in any state. */
  pullRequests: readonly PullRequestFact[];
  /** Runs on those PRs' head shas and on the card's branches (extra runs are ignored). */
  runs: readonly RunFact[];
  /** Deployments that include the card's changes. */
  deployments: readonly DeploymentFact[];
  /** Branches linked to the card besides the PRs' head refs. */
  branches?: readonly string[];
}

export interface AutoSource {
  kind: "run" | "deployment" | "pullRequest";
  url?: string;
  label: string;
}

/** The item's new state, and the fact that decided it when there is one (to show and to store). */
export interface AutoEvaluation {
  done: boolean;
  source?: AutoSource;
}

/** Items still blocking Done, in the given order. Manual and auto items alike. */
export function unmetItems<T extends Pick<ChecklistItem, "done">>(items: readonly T[]): T[] {
  return items.filter((item) => !item.done);
}

/** True when every item is done; an empty checklist is satisfied. */
export function isSatisfied(items: readonly Pick<ChecklistItem, "done">[]): boolean {
  return unmetItems(items).length === 0;
}

/**
 * The new `done` of an auto item, given the card's facts. Pure; never throws.
 *
 * - checks_green: every linked PR that is open or merged has a head sha with
 *   at least one run, and on each of those shas the latest run of every
 *   workflow (latest attempt, latest start) has succeeded or was skipped.
 *   Reflects the latest state: a later failing or still-running run un-ticks.
 * - pr_merged: any linked PR is merged.
 * - deployed: sticky. True once any deployment to `environment` succeeded,
 *   and stays true (through `item.done`) after later failures or rollbacks.
 * - stage_succeeded: among runs on the card's branches (`branches` plus the
 *   PRs' head refs) that report `stage`, the latest has it "succeeded".
 *   Runs that do not report the stage (other workflows) are ignored.
 *
 * Manual items keep their stored `done`. An auto item without a signal, or
 * without the environment or stage its signal needs, is not done (except that
 * a sticky item stays done).
 */
export function evaluateAutoItem(item: ChecklistItem, facts: DodFacts): AutoEvaluation {
  if (item.kind === "manual") return { done: item.done };
  switch (item.signal) {
    case "checks_green":
      return checksGreen(facts);
    case "pr_merged":
      return prMerged(facts);
    case "deployed":
      return deployed(item, facts);
    case "stage_succeeded":
      return item.stage ? stageSucceeded(item.stage, facts) : { done: false };
    default:
      return { done: false };
  }
}

const short = (sha: string | null) => (sha ?? "").slice(0, 7);

const optionalUrl = (url: string | null | undefined) => (url ? { url } : {});

function isLater(a: RunFact, b: RunFact): boolean {
  const byTime = a.startedAt.getTime() - b.startedAt.getTime();
  if (byTime !== 0) return byTime > 0;
  if (a.attempt !== b.attempt) return a.attempt > b.attempt;
  return a.id > b.id;
}

function latest(runs: readonly RunFact[]): RunFact | undefined {
  return runs.reduce<RunFact | undefined>((best, run) => (best && !isLater(run, best) ? best : run), undefined);
}

function latestPerWorkflow(runs: readonly RunFact[]): RunFact[] {
  const groups = new Map<string, RunFact[]>();
  for (const run of runs) {
    const key = run.name ?? `id:${run.id}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups.values()].map((group) => latest(group)).filter((run): run is RunFact => run !== undefined);
}

function runSource(run: RunFact, label: string): AutoSource {
  return { kind: "run", ...optionalUrl(run.url), label };
}

function checksGreen(facts: DodFacts): AutoEvaluation {
  const prs = facts.pullRequests.filter((pr) => pr.state === "open" || pr.merged);
  if (prs.length === 0) return { done: false };
  const green: RunFact[] = [];
  for (const pr of prs) {
    const runs = pr.headSha === null ? [] : latestPerWorkflow(facts.runs.filter((run) => run.sha === pr.headSha));
    if (runs.length === 0) {
      return { done: false, source: { kind: "pullRequest", ...optionalUrl(pr.url), label: `No checks yet on PR #${pr.number}` } };
    }
    const blocking = latest(runs.filter((run) => run.status !== "succeeded" && run.status !== "skipped"));
    if (blocking) {
      return { done: false, source: runSource(blocking, `${blocking.name ?? "Run"} ${blocking.status} on ${short(blocking.sha)}`) };
    }
    green.push(...runs);
  }
  const newest = latest(green);
  const label = `${green.length} checks passed on ${prs.map((pr) => `PR #${pr.number}`).join(", ")}`;
  return newest ? { done: true, source: runSource(newest, label) } : { done: false };
}

function prMerged(facts: DodFacts): AutoEvaluation {
  const merged = facts.pullRequests.find((pr) => pr.merged);
  if (!merged) return { done: false };
  return { done: true, source: { kind: "pullRequest", ...optionalUrl(merged.url), label: `PR #${merged.number} merged` } };
}

function deployed(item: ChecklistItem, facts: DodFacts): AutoEvaluation {
  const environment = item.environment;
  const successes = facts.deployments.filter((d) => environment && d.environment === environment && d.status === "succeeded");
  const first = successes.reduce<DeploymentFact | undefined>((best, d) => (best && best.at.getTime() <= d.at.getTime() ? best : d), undefined);
  if (first) {
    return { done: true, source: { kind: "deployment", ...optionalUrl(first.url), label: `Deployed to ${first.environment}` } };
  }
  return { done: item.done };
}

function stageSucceeded(stage: string, facts: DodFacts): AutoEvaluation {
  const branches = new Set<string>(facts.branches ?? []);
  for (const pr of facts.pullRequests) if (pr.headRef !== null) branches.add(pr.headRef);
  const reporting = facts.runs.filter(
    (run) => run.branch !== null && branches.has(run.branch) && run.stageStatuses?.[stage] !== undefined,
  );
  const run = latest(reporting);
  if (!run) return { done: false };
  const status = run.stageStatuses?.[stage];
  return { done: status === "succeeded", source: runSource(run, `Stage ${stage} ${status} on ${run.branch}`) };
}
