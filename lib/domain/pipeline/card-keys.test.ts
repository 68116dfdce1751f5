import { describe, it, expect } from "vitest";
import { findCardKeys } from "./card-keys";

const EXISTING = new Set(Array.from({ length: 99 }, (_, i) => `DEMO-${i + 1}`));
const exists = (key: string) => EXISTING.has(key);

describe("findCardKeys", () => {
  it.each([
    { text: "DEMO-12", keys: ["DEMO-12"] },
    { text: "DEMO-123 and DEMO-12345", keys: ["DEMO-123", "DEMO-12345"] },
    { text: "xDEMO-12", keys: [] },
    { text: "1DEMO-12", keys: [] },
    { text: "DEMO-12a", keys: [] },
    { text: "DEMO-12a DEMO-13", keys: ["DEMO-13"] },
    { text: "demo-14 fix", keys: ["DEMO-14"] },
    { text: "Demo-15", keys: ["DEMO-15"] },
    { text: "DEMO-012", keys: ["DEMO-012"] },
    { text: "[DEMO-12]", keys: ["DEMO-12"] },
    { text: "(DEMO-12)", keys: ["DEMO-12"] },
    { text: "#DEMO-12", keys: ["DEMO-12"] },
    { text: "feature/DEMO-12-login", keys: ["DEMO-12"] },
    { text: "DEMO-12_login", keys: ["DEMO-12"] },
    { text: "DEMO-12: fix", keys: ["DEMO-12"] },
    { text: "DEMO-12.", keys: ["DEMO-12"] },
    { text: "DEMO-12,DEMO-13;DEMO-14", keys: ["DEMO-12", "DEMO-13", "DEMO-14"] },
    { text: "éDEMO-12ü", keys: ["DEMO-12"] }, // only ASCII letters/digits block a boundary
    { text: "DEMO-", keys: [] },
    { text: "DEMO 12", keys: [] },
    { text: "DEMO--12", keys: [] },
    { text: "MEDEMO-12", keys: [] },
    { text: "OTHER-12", keys: [] },
  ])("finds $keys in '$text'", ({ text, keys }) => {
    expect(findCardKeys([text], "DEMO")).toEqual(keys);
  });

  it("does not turn DEMO-123 into DEMO-12 when only DEMO-12 exists", () => {
    expect(findCardKeys(["DEMO-123"], "DEMO", (key) => key === "DEMO-12")).toEqual([]);
  });

  it("drops keys of cards that do not exist, including a zero-padded number", () => {
    expect(findCardKeys(["DEMO-5 DEMO-100 DEMO-012 DEMO-0"], "DEMO", exists)).toEqual(["DEMO-5"]);
  });

  it("de-duplicates across texts and case, and sorts by number, not text", () => {
    const texts = ["DEMO-30: copy", "demo-4 and DEMO-30", "feature/DEMO-100-x", "DEMO-4"];
    expect(findCardKeys(texts, "DEMO")).toEqual(["DEMO-4", "DEMO-30", "DEMO-100"]);
  });

  it("orders equal numbers by fewer leading zeros and huge numbers exactly", () => {
    expect(findCardKeys(["DEMO-012 DEMO-12 DEMO-99999999999999999999 DEMO-9"], "DEMO")).toEqual([
      "DEMO-9",
      "DEMO-12",
      "DEMO-012",
      "DEMO-99999999999999999999",
    ]);
  });

  it("accepts the project key in any case and escapes it", () => {
    expect(findCardKeys(["demo-7"], "demo")).toEqual(["DEMO-7"]);
    expect(findCardKeys(["A.B-1 AxB-2"], "A.B")).toEqual(["A.B-1"]);
  });

  it("finds nothing for an empty project key or no texts", () => {
    expect(findCardKeys(["-12 DEMO-12"], "")).toEqual([]);
    expect(findCardKeys([], "DEMO")).toEqual([]);
  });

  it("passes upper-case keys to the existence check", () => {
    const asked: string[] = [];
    findCardKeys(["demo-3"], "Demo", (key) => {
      asked.push(key);
      return true;
    });
    expect(asked).toEqual(["DEMO-3"]);
  });
});
