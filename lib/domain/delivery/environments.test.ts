import { describe, expect, it } from "vitest";
import { isProductionEnvironment } from "./environments";

describe("production environments", () => {
  it("are production, prod and live by default, whatever the case", () => {
    const matches = ["production", "Prod", " LIVE ", "staging", "production-eu"].map((name) => isProductionEnvironment({ name, tier: null }, null));
    expect(matches).toEqual([true, true, true, false, false]);
  });

  it("are the project's names when it set some (the defaults no longer apply)", () => {
    expect(isProductionEnvironment({ name: "production-eu", tier: null }, ["production-eu", "production-us"])).toBe(true);
    expect(isProductionEnvironment({ name: "production", tier: null }, ["production-eu"])).toBe(false);
    expect(isProductionEnvironment({ name: "prod", tier: null }, [])).toBe(true);
  });

  it("include any environment the provider puts in the production tier", () => {
    expect(isProductionEnvironment({ name: "eu-west", tier: "production" }, ["production-us"])).toBe(true);
    expect(isProductionEnvironment({ name: "eu-west", tier: "staging" }, null)).toBe(false);
  });
});
