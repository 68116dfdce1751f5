/** Sprint lifecycle (PLANNED → ACTIVE → CLOSED), sprint reports and capacity. */

export type SprintState = "PLANNED" | "ACTIVE" | "CLOSED";

const NEXT_STATES: Record<SprintState, readonly SprintState[]> = {
  PLANNED: ["ACTIVE"],
  ACTIVE: ["CLOSED"],
  CLOSED: [],
};

/**
 * Whether a sprint may move from `from` to `to`. Only PLANNED → ACTIVE (start)
 * and ACTIVE → CLOSED (close) exist: a sprint never goes back, a closed sprint
 * never reopens, and a planned sprint that will not run is deleted rather
 * than closed, so reports only ever cover sprints that ran.
 */
export function canTransition(from: SprintState, to: SprintState): boolean {
  return NEXT_STATES[from].includes(to);
}

export interface SprintToStart {
  state: SprintState;
  startDate: Date | null;
  endDate: Date | null;
}

export type StartRefusalCode = "NOT_PLANNED" | "ANOTHER_SPRINT_ACTIVE" | "INVALID_DATES";

export type StartCheck = { ok: true } | { ok: false; code: StartRefusalCode; reason: string };

/**
 * Whether a sprint may start. Returns a value and never throws. Refuses, in
 * this order: a sprint that is not PLANNED; a project that already has an
 * ACTIVE sprint (at most one runs at a time; the caller checks this inside
 * the same transaction); an end date that is not after the start date when
 * both are set (unset dates are filled in by the caller at start).
 */
export function assertCanStart({
  sprint,
  otherActiveSprintExists,
}: {
  sprint: SprintToStart;
  otherActiveSprintExists: boolean;
}): StartCheck {
  if (!canTransition(sprint.state, "ACTIVE")) {
    return { ok: false, code: "NOT_PLANNED", reason: `Only a planned sprint can start; this one is ${sprint.state.toLowerCase()}.` };
  }
  if (otherActiveSprintExists) {
    return { ok: false, code: "ANOTHER_SPRINT_ACTIVE", reason: "Another sprint is already active. Close it first." };
  }
  if (sprint.startDate && sprint.endDate && sprint.endDate.getTime() <= sprint.startDate.getTime()) {
    return { ok: false, code: "INVALID_DATES", reason: "The sprint must end after it starts." };
  }
  return { ok: true };
}

export interface SprintCard {
  id: string;
  key: string;
  estimate: number | null;
  done: boolean;
}

export type ScopeChangeKind = "ADDED" | "REMOVED" | "ESTIMATE_CHANGED";

/**
 * A change to an active sprint's scope, recorded when it happened.
 * ADDED / REMOVED: `points` is the card's estimate at that moment.
 * ESTIMATE_CHANGED: `points` is the new estimate, `previousPoints` the old one.
 * `null` points mean "unestimated" and count as 0.
 */
export interface ScopeChange {
  kind: ScopeChangeKind;
  cardId: string;
  points: number | null;
  previousPoints: number | null;
  at: Date;
}

export interface SprintSummaryInput {
  /** Cards in the sprint now (at close, the cards the sprint ends with). */
  cards: readonly SprintCard[];
  /** Snapshot taken when the sprint started. */
  committed: { cardIds: readonly string[]; points: number };
  /** Changes after the start, in any order. */
  scopeChanges: readonly ScopeChange[];
}

export interface SprintSummary {
  committedPoints: number;
  committedCards: number;
  addedPoints: number;
  removedPoints: number;
  /** Sum of (new − old) over estimate changes; negative when estimates shrank. */
  estimateDelta: number;
  completedPoints: number;
  completedCards: number;
  /** Cards not done, in the order given; they return to the backlog or roll over. */
  incompleteCards: Array<{ id: string; key: string; estimate: number | null }>;
}

const pts = (value: number | null) => value ?? 0;

/**
 * The sprint report. Unestimated cards count as 0 points but still count as
 * cards. A card added then removed counts in both added and removed (churn).
 * With a complete change log the books balance:
 * committedPoints + addedPoints − removedPoints + estimateDelta
 *   = the sum of the current cards' estimates.
 */
export function summarizeSprint({ cards, committed, scopeChanges }: SprintSummaryInput): SprintSummary {
  let addedPoints = 0;
  let removedPoints = 0;
  let estimateDelta = 0;
  for (const change of scopeChanges) {
    if (change.kind === "ADDED") addedPoints += pts(change.points);
    else if (change.kind === "REMOVED") removedPoints += pts(change.points);
    else estimateDelta += pts(change.points) - pts(change.previousPoints);
  }
  const done = cards.filter((card) => card.done);
  return {
    committedPoints: committed.points,
    committedCards: new Set(committed.cardIds).size,
    addedPoints,
    removedPoints,
    estimateDelta,
    completedPoints: done.reduce((sum, card) => sum + pts(card.estimate), 0),
    completedCards: done.length,
    incompleteCards: cards
      .filter((card) => !card.done)
      .map(({ id, key, estimate }) => ({ id, key, estimate })),
  };
}

/**
 * Planned points against the team's capacity. `remaining` is capacity minus
 * committed and goes negative when over; `over` is true only strictly above
 * capacity. With no capacity set, nothing is ever over and `remaining` is null.
 */
export function capacityState(
  committedPoints: number,
  capacity: number | null,
): { over: boolean; remaining: number | null } {
  if (capacity === null) return { over: false, remaining: null };
  return { over: committedPoints > capacity, remaining: capacity - committedPoints };
}

const DAY_MS = 86_400_000;

/**
 * Whole calendar days from `now` to `endDate`, counted in UTC like sprint dates: 0 on the end day
 * itself, negative once it has passed (how many days late). The time of day never matters.
 */
export function daysUntil(endDate: Date, now: Date): number {
  const day = (date: Date) => Math.floor(date.getTime() / DAY_MS);
  return day(endDate) - day(now);
}
