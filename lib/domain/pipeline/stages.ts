import type { Stage } from "./types";

/**
 * Maps a job/workflow name (or GitLab `build_stage`) to a board stage.
 *
 * `pattern` is either a plain text, matched as a case-insensitive substring,
 * or a regular expression source wrapped in slashes (`/^deploy-/`), matched
 * case-insensitively. Rules come from project settings, so a pattern that is
 * not a valid expression never matches instead of throwing.
 */
export interface StageRule {
  pattern: string;
  stage: Stage;
}

// Word starts only: "linters" and "tests" count, "checkout", "staging" (tag)
// and "inspect" (spec) do not. Later stages come first because a job that
// does several things ("build-and-test", "build-deploy") ends in its last one.
const START = "(?<![a-z0-9])";

export const DEFAULT_STAGE_RULES: readonly StageRule[] = [
  { pattern: `/${START}(deploy|rollout|roll-out|ship(?![a-z])|prod(uction)?(?![a-z0-9])|staging(?![a-z0-9]))/`, stage: "deploy" },
  { pattern: `/${START}(release|publish|packag|tag(?![a-z]))/`, stage: "release" },
  { pattern: `/${START}(test|spec|lint|check(?!out)|e2e)/`, stage: "test" },
  { pattern: `/${START}(build|compil|bundl)/`, stage: "build" },
];

/** Whether a pattern is usable: plain text, or `/source/` that compiles. */
export function isValidStagePattern(pattern: string): boolean {
  return pattern.trim() !== "" && matcherFor(pattern) !== null;
}

const cache = new Map<string, ((name: string) => boolean) | null>();

function matcherFor(pattern: string): ((name: string) => boolean) | null {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached;
  let matcher: ((name: string) => boolean) | null;
  if (pattern.length > 2 && pattern.startsWith("/") && pattern.endsWith("/")) {
    try {
      const regex = new RegExp(pattern.slice(1, -1), "i");
      matcher = (name) => regex.test(name);
    } catch {
      matcher = null;
    }
  } else {
    const needle = pattern.toLowerCase();
    matcher = needle === "" ? null : (name) => name.toLowerCase().includes(needle);
  }
  // Rule sets are small and few; the cache only saves recompiling per delivery.
  if (cache.size < 500) cache.set(pattern, matcher);
  return matcher;
}

/**
 * First rule, in order, whose pattern matches `name`; `null` when none does
 * or the name is empty. Invalid patterns are skipped.
 */
export function stageFor(
  name: string | null | undefined,
  rules: readonly StageRule[] = DEFAULT_STAGE_RULES,
): Stage | null {
  if (typeof name !== "string" || name.trim() === "") return null;
  for (const rule of rules) {
    const matcher = matcherFor(rule.pattern);
    if (matcher?.(name)) return rule.stage;
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
