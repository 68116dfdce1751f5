import { describe, expect, it } from "vitest";
import { labelTone } from "./label-badge";

describe("labelTone", () => {
  it("gives a name the same tone whatever its case or spaces", () => {
    expect(labelTone("Backend")).toBe(labelTone(" backend "));
  });

  it("spreads different names over several tones", () => {
    const names = ["backend", "frontend", "mobile", "offline", "payments", "search", "infra", "docs", "security", "ux"];
    expect(new Set(names.map(labelTone)).size).toBeGreaterThanOrEqual(4);
  });
});
