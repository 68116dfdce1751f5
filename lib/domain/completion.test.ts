import { describe, expect, it } from "vitest";
import { completionChange, type ColumnCategory, type CompletionChange } from "./completion";

describe("completionChange", () => {
  const cases: Array<[ColumnCategory, ColumnCategory, CompletionChange]> = [
    ["TODO", "DONE", "COMPLETED"],
    ["IN_PROGRESS", "DONE", "COMPLETED"],
    ["DONE", "TODO", "REOPENED"],
    ["DONE", "IN_PROGRESS", "REOPENED"],
    ["DONE", "DONE", null],
    ["TODO", "IN_PROGRESS", null],
    ["IN_PROGRESS", "TODO", null],
    ["IN_PROGRESS", "IN_PROGRESS", null],
    ["TODO", "TODO", null],
  ];
  it.each(cases)("%s → %s gives %s", (from, to, expected) => {
    expect(completionChange(from, to)).toBe(expected);
  });
});
