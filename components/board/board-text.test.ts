// What people read and hear: WIP refusals, drag announcements, and the URL the board trusts.
import { describe, expect, it } from "vitest";
import { announce } from "./announcements";
import { parseBoardSearch } from "./search-params";
import type { BoardColumn } from "./types";
import { checkEntry, wipRefusalMessage } from "./wip";

const review = (count: number, wipLimit: number | null): BoardColumn => ({ id: "review", name: "Review", category: "IN_PROGRESS", wipLimit, policy: "", count, cards: [] });

describe("WIP on the board", () => {
  it.each([
    [{ column: "Review", limit: 3, count: 4 }, "Review is at its WIP limit (3/3)"],
    [{ column: "Review", limit: 3, count: 6 }, "Review is over its WIP limit (5/3)"],
    [{ column: "QA", limit: 0, count: 1 }, "QA is at its WIP limit (0/0)"],
  ])("words a refusal %#", (details, text) => {
    expect(wipRefusalMessage(details)).toBe(text);
  });

  it("refuses entering a full column in hard mode, with the reason", () => {
    expect(checkEntry(review(3, 3), "todo", "HARD")).toEqual({ allowed: false, reason: "Review is at its WIP limit (3/3)" });
  });

  it("lets a card enter a full column in soft mode and warns about the breach", () => {
    expect(checkEntry(review(3, 3), "todo", "SOFT")).toEqual({ allowed: true, warning: "Review is now over its WIP limit (4/3)" });
  });

  it("never refuses reordering inside a column, even an over-full one", () => {
    expect(checkEntry(review(5, 3), "review", "HARD")).toEqual({ allowed: true, warning: null });
  });

  it("allows reaching the limit exactly, and columns without a limit", () => {
    expect(checkEntry(review(2, 3), "todo", "HARD")).toEqual({ allowed: true, warning: null });
    expect(checkEntry(review(99, null), "todo", "HARD")).toEqual({ allowed: true, warning: null });
  });
});

describe("drag announcements", () => {
  it("name the card, the column, the lane and the position", () => {
    expect(announce.pickedUp("DEMO-12", { column: "To do", position: 3, total: 8 })).toBe("Picked up DEMO-12. In To do, position 3 of 8.");
    expect(announce.movedTo("DEMO-12", { column: "Review", lane: "Alice", position: 1, total: 2 })).toBe("DEMO-12 moved to Review, lane Alice, position 1 of 2.");
    expect(announce.dropped("DEMO-12", { column: "Review", position: 1, total: 2 })).toBe("Dropped DEMO-12 in Review, position 1 of 2.");
    expect(announce.cancelled("DEMO-12", { column: "To do", position: 3, total: 8 })).toBe("Cancelled. DEMO-12 is back in To do, position 3 of 8.");
  });
});

describe("board URL", () => {
  it("reads filters, lane and open card", () => {
    expect(parseBoardSearch({ q: "invoice", assigneeId: "u1", label: "billing", type: "bug", mine: "true", blocked: "1", lane: "epic", card: "demo-12" })).toEqual({
      q: "invoice",
      assigneeId: "u1",
      label: "billing",
      type: "bug",
      mine: true,
      blocked: true,
      lane: "epic",
      card: "DEMO-12",
    });
  });

  it("drops malformed values instead of failing, and defaults to no swimlanes", () => {
    expect(parseBoardSearch(new URLSearchParams("type=feature&lane=sideways&card=nope&q=ok&mine="))).toEqual({ q: "ok", lane: "none" });
  });

  it("takes the first of repeated params", () => {
    expect(parseBoardSearch({ q: ["first", "second"] }).q).toBe("first");
  });
});
