/**
 * Sprint burndown and burnup from the sprint's recorded facts. Remaining = estimates of the sprint's
 * cards not finished; scope = estimates of all its cards. Changes after the start are their own
 * steps and never reset the starting value. Unestimated cards count 0.
 */
import type { BurndownChange, BurndownPoint, BurndownReport } from "./types";

export interface BurndownCard {
  cardId: string;
  key: string;
  points: number | null;
}

/** A recorded sprint fact after the start (SprintScopeChange). */
export interface BurndownScopeChange extends BurndownCard {
  kind: "ADDED" | "REMOVED" | "ESTIMATE_CHANGED";
  /** For ESTIMATE_CHANGED: the estimate before. */
  previousPoints: number | null;
  at: Date;
}

/** A card entering (COMPLETED) or leaving (REOPENED) done, at any time (earlier ones give the state at start). */
export interface BurndownCompletion {
  cardId: string;
  key: string;
  kind: "COMPLETED" | "REOPENED";
  at: Date;
}

export interface BurndownInput {
  sprintId: string;
  name: string;
  start: Date;
  /** Planned end. */
  end: Date;
  /** When the sprint closed; later facts are not part of it. */
  closedAt: Date | null;
  /** The cards and estimates committed at the start. */
  committed: readonly BurndownCard[];
  changes: readonly BurndownScopeChange[];
  completions: readonly BurndownCompletion[];
}

const pts = (points: number | null) => points ?? 0;

type Step = { at: Date; order: number; apply: () => { change: BurndownChange; key: string; points: number } | null };

export function burndown(input: BurndownInput): BurndownReport {
  const { start, end, closedAt } = input;
  const done = new Map<string, boolean>();
  const inSprint = new Map<string, number>(); // card → its points while in the sprint
  let scope = 0;
  let remaining = 0;

  const completions = [...input.completions].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const completion of completions) if (completion.at < start) done.set(completion.cardId, completion.kind === "COMPLETED");
  for (const card of input.committed) {
    inSprint.set(card.cardId, pts(card.points));
    scope += pts(card.points);
    if (!done.get(card.cardId)) remaining += pts(card.points);
  }
  const committed = scope;

  const last = closedAt ?? null;
  const within = (at: Date) => at >= start && (!last || at <= last);
  const steps: Step[] = [];
  // Facts at the same instant: scope changes first, then completions (a card added done stays done).
  input.changes.filter((change) => within(change.at)).forEach((change) =>
    steps.push({
      at: change.at,
      order: 0,
      apply: () => {
        const isDone = done.get(change.cardId) ?? false;
        if (change.kind === "ADDED") {
          if (inSprint.has(change.cardId)) return null;
          inSprint.set(change.cardId, pts(change.points));
          scope += pts(change.points);
          if (!isDone) remaining += pts(change.points);
          return { change: "added", key: change.key, points: pts(change.points) };
        }
        const held = inSprint.get(change.cardId);
        if (held === undefined) return null;
        if (change.kind === "REMOVED") {
          inSprint.delete(change.cardId);
          scope -= held;
          if (!isDone) remaining -= held;
          return { change: "removed", key: change.key, points: -held };
        }
        const delta = pts(change.points) - held;
        inSprint.set(change.cardId, pts(change.points));
        scope += delta;
        if (!isDone) remaining += delta;
        return { change: "estimate", key: change.key, points: delta };
      },
    }),
  );
  completions.filter((completion) => within(completion.at)).forEach((completion) =>
    steps.push({
      at: completion.at,
      order: 1,
      apply: () => {
        const wasDone = done.get(completion.cardId) ?? false;
        const nowDone = completion.kind === "COMPLETED";
        done.set(completion.cardId, nowDone);
        const held = inSprint.get(completion.cardId);
        if (held === undefined || wasDone === nowDone) return null;
        remaining += nowDone ? -held : held;
        return { change: nowDone ? "done" : "reopened", key: completion.key, points: nowDone ? -held : held };
      },
    }),
  );
  steps.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);

  const point = (at: Date, change: BurndownChange, extra: Partial<BurndownPoint> = {}): BurndownPoint => ({ at: at.toISOString(), remaining, scope, change, ...extra, completed: scope - remaining });
  const series: BurndownPoint[] = [point(start, "start")];
  for (const step of steps) {
    const applied = step.apply();
    if (applied) series.push(point(step.at, applied.change, { cardKey: applied.key, points: applied.points }));
  }
  return {
    sprintId: input.sprintId,
    name: input.name,
    committed,
    start: start.toISOString(),
    end: end.toISOString(),
    completedAt: closedAt?.toISOString() ?? null,
    series,
    guideline: [
      { at: start.toISOString(), remaining: committed },
      { at: end.toISOString(), remaining: 0 },
    ],
    burnup: series.map((entry) => ({ at: entry.at, completed: entry.completed, scope: entry.scope })),
  };
}
