import { RE2JS } from "re2js";
import type { Stage } from "./types";

/**
 * Maps a job/workflow name (or GitLab `build_stage`) to a board stage.
 *
 * `pattern` is either a plain text, matched as a case-insensitive substring,
 * or a regular expression source wrapped in slashes (`/^deploy-/`), matched
 * case-insensitively. Rules come from project settings, so a pattern that is
 * not a valid expression never matches instead of throwing.
 *
 * Expressions run on RE2 (re2js), whose matching time is linear in the name:
 * a pattern such as `/^(a+)+$/` cannot stall the server as it would on
 * JavaScript's backtracking engine. RE2 has no lookaheads or backreferences.
 */
export interface StageRule {
  pattern: string;
  stage: Stage;
}

/** Longest pattern a rule may have. */
export const MAX_STAGE_PATTERN_LENGTH = 200;
/** Only this many leading characters of a name are matched (names are titles, not documents). */
export const MAX_MATCHED_NAME_LENGTH = 1_000;

// Word starts only: "linters" and "tests" count, "checkout", "staging" (tag)
// and "inspect" (spec) do not. A word "ends" at a character outside the class
// or at the end ("ship" but not "shipping"). Later stages come first because
// a job that does several things ("build-and-test", "build-deploy") ends in
// its last one. RE2 has no lookahead, hence `check` not followed by `out`
// spelled out letter by letter.
const START = "(^|[^a-z0-9])";
const end = (letters: string) => `([^${letters}]|$)`;

export const DEFAULT_STAGE_RULES: readonly StageRule[] = [
  { pattern: `/${START}(deploy|rollout|roll-out|ship${end("a-z")}|prod(uction)?${end("a-z0-9")}|staging${end("a-z0-9")})/`, stage: "deploy" },
  { pattern: `/${START}(release|publish|packag|tag${end("a-z")})/`, stage: "release" },
  { pattern: `/${START}(test|spec|lint|check([^o]|$|o([^u]|$|u([^t]|$)))|e2e)/`, stage: "test" },
  { pattern: `/${START}(build|compil|bundl)/`, stage: "build" },
];

const isExpression = (pattern: string) => pattern.length > 2 && pattern.startsWith("/") && pattern.endsWith("/");

/**
 * Why a pattern cannot be used, or `null` when it can: plain text, or
 * `/source/` that RE2 compiles, within MAX_STAGE_PATTERN_LENGTH.
 */
export function stagePatternProblem(pattern: string): string | null {
  if (pattern.trim() === "") return "Enter a text or a regular expression.";
  if (pattern.length > MAX_STAGE_PATTERN_LENGTH) return `A pattern has at most ${MAX_STAGE_PATTERN_LENGTH} characters.`;
  if (!isExpression(pattern)) return null;
  try {
    RE2JS.compile(pattern.slice(1, -1), RE2JS.CASE_INSENSITIVE);
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, "") : String(error);
    return `Not a usable regular expression (${reason}). Lookaheads and backreferences are not supported.`;
  }
}

/** Whether a pattern is usable (see stagePatternProblem). */
export function isValidStagePattern(pattern: string): boolean {
  return stagePatternProblem(pattern) === null;
}

const cache = new Map<string, ((name: string) => boolean) | null>();

function matcherFor(pattern: string): ((name: string) => boolean) | null {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached;
  let matcher: ((name: string) => boolean) | null = null;
  if (stagePatternProblem(pattern) === null) {
    if (isExpression(pattern)) {
      const regex = RE2JS.compile(pattern.slice(1, -1), RE2JS.CASE_INSENSITIVE);
      matcher = (name) => regex.test(name);
    } else {
      const needle = pattern.toLowerCase();
      matcher = (name) => name.toLowerCase().includes(needle);
    }
  }
  // Rule sets are small and few; the cache only saves recompiling per delivery.
  if (cache.size < 500) cache.set(pattern, matcher);
  return matcher;
}

/**
 * First rule, in order, whose pattern matches `name` (its first
 * MAX_MATCHED_NAME_LENGTH characters); `null` when none does or the name is
 * empty. Invalid patterns are skipped.
 */
export function stageFor(
  name: string | null | undefined,
  rules: readonly StageRule[] = DEFAULT_STAGE_RULES,
): Stage | null {
  if (typeof name !== "string" || name.trim() === "") return null;
  const matched = name.slice(0, MAX_MATCHED_NAME_LENGTH);
  for (const rule of rules) {
    const matcher = matcherFor(rule.pattern);
    if (matcher?.(matched)) return rule.stage;
  }
  return null;
}

/** The first of several names (e.g. GitLab stage, then job name) that maps to a stage. */
export function stageForAny(
  names: ReadonlyArray<string | null | undefined>,
  rules: readonly StageRule[] = DEFAULT_STAGE_RULES,
): Stage | null {
  for (const name of names) {
    const stage = stageFor(name, rules);
    if (stage !== null) return stage;
  }
  return null;
}
