import { describe, expect, it } from "vitest";
import { hasRole, type TeamRole } from "./roles";

describe("hasRole", () => {
  const cases: Array<[TeamRole, TeamRole, boolean]> = [
    ["VIEWER", "VIEWER", true],
    ["VIEWER", "MEMBER", false],
    ["MEMBER", "MEMBER", true],
    ["MEMBER", "PRODUCT_OWNER", false],
    ["PRODUCT_OWNER", "MEMBER", true],
    ["PRODUCT_OWNER", "ADMIN", false],
    ["ADMIN", "PRODUCT_OWNER", true],
    ["OWNER", "ADMIN", true],
  ];
  it.each(cases)("%s meets %s → %s", (actual, required, expected) => {
    expect(hasRole(actual, required)).toBe(expected);
  });
});
