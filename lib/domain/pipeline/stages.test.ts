import { describe, it, expect } from "vitest";
import { DEFAULT_STAGE_RULES, isValidStagePattern, MAX_MATCHED_NAME_LENGTH, stageFor, stageForAny, stagePatternProblem, type StageRule } from "./stages";

describe("stageFor with the default rules", () => {
  it.each([
    ["build", "build"],
    ["build-image", "build"],
    ["Compile assets", "build"],
    ["bundle", "build"],
    ["test", "test"],
    ["unit-tests", "test"],
    ["Run specs", "test"],
    ["linters", "test"],
    ["lint", "test"],
    ["type check", "test"],
    ["e2e", "test"],
    ["release", "release"],
    ["Preview & Release", "release"],
    ["publish-npm", "release"],
    ["package", "release"],
    ["tag", "release"],
    ["deploy", "deploy"],
    ["Deploy to production", "deploy"],
    ["rollout", "deploy"],
    ["ship it", "deploy"],
    ["staging", "deploy"],
    ["production", "deploy"],
    // later stage wins in combined names
    ["build-and-test", "test"],
    ["test-build", "test"],
    ["build and deploy", "deploy"],
    // look-alikes that are not stages
    ["checkout", null],
    ["inspect", null],
    ["contest", null],
    ["latest", null],
    ["product-page", null],
    ["shipping-rates", null],
    ["CodeQL", null],
    ["checkouts", null],
    ["check-out", "test"],
    ["checks", "test"],
    ["shipit", null],
    ["tagged", null],
    ["", null],
  ] as const)("%s -> %s", (name, stage) => {
    expect(stageFor(name)).toBe(stage);
  });

  it("returns null for a missing name", () => {
    expect(stageFor(null)).toBeNull();
    expect(stageFor(undefined, DEFAULT_STAGE_RULES)).toBeNull();
  });
});

describe("configured stage rules", () => {
  const rules: StageRule[] = [
    { pattern: "QA", stage: "test" },
    { pattern: "/^pages$/", stage: "deploy" },
    { pattern: "/([unclosed/", stage: "build" },
    { pattern: "", stage: "release" },
  ];

  it("matches plain patterns as case-insensitive substrings", () => {
    expect(stageFor("nightly-qa-suite", rules)).toBe("test");
  });

  it("matches /regex/ patterns case-insensitively", () => {
    expect(stageFor("Pages", rules)).toBe("deploy");
    expect(stageFor("github-pages", rules)).toBeNull();
  });

  it("skips invalid and empty patterns instead of throwing", () => {
    expect(stageFor("([unclosed", rules)).toBeNull();
    expect(stageFor("anything", rules)).toBeNull();
    expect(isValidStagePattern("/([unclosed/")).toBe(false);
    expect(isValidStagePattern("")).toBe(false);
    expect(isValidStagePattern("/^deploy-/")).toBe(true);
    expect(isValidStagePattern("e2e")).toBe(true);
  });

  it("uses the first rule that matches, in order", () => {
    const ordered: StageRule[] = [
      { pattern: "deploy", stage: "release" },
      ...DEFAULT_STAGE_RULES,
    ];
    expect(stageFor("deploy-docs", ordered)).toBe("release");
  });

  it("stageForAny tries names in order and skips empty ones", () => {
    expect(stageForAny([null, "", "run", "Deploy"])).toBe("deploy");
    expect(stageForAny(["test", "deploy"])).toBe("test");
    expect(stageForAny([])).toBeNull();
  });
});

describe("regular expressions run in linear time (RE2)", () => {
  it("answers at once for a pattern that backtracks exponentially in JavaScript", () => {
    const rules: StageRule[] = [{ pattern: "/^(a+)+$/", stage: "test" }];
    const started = performance.now();
    expect(stageFor(`${"a".repeat(31)}!`, rules)).toBeNull();
    expect(stageFor(`${"a".repeat(MAX_MATCHED_NAME_LENGTH - 1)}!`, rules)).toBeNull();
    expect(stageFor("aaaa", rules)).toBe("test");
    // JavaScript's engine needs seconds for 31 characters and doubles per character.
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("matches only the first MAX_MATCHED_NAME_LENGTH characters of a name", () => {
    const rules: StageRule[] = [{ pattern: "/deploy$/", stage: "deploy" }];
    expect(stageFor(`${"x".repeat(MAX_MATCHED_NAME_LENGTH - 6)}deploy`, rules)).toBe("deploy");
    expect(stageFor(`${"x".repeat(MAX_MATCHED_NAME_LENGTH)}deploy`, rules)).toBeNull();
  });

  it.each([
    ["/(?!out)check/", "unsupported Perl syntax"],
    ["/(a)\\1/", "invalid escape sequence"],
    ["/([unclosed/", "missing closing ]"],
    [`/${"a".repeat(200)}/`, "at most 200 characters"],
  ])("refuses %s and says why", (pattern, reason) => {
    expect(stagePatternProblem(pattern)).toContain(reason);
    expect(stageFor("check", [{ pattern, stage: "test" }])).toBeNull();
  });

  it("accepts what RE2 compiles, lookbehinds excepted", () => {
    expect(stagePatternProblem("/^deploy-(eu|us)\\d+$/")).toBeNull();
    expect(stagePatternProblem("/(?<!pre)deploy/")).not.toBeNull();
  });
});
