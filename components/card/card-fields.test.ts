import { describe, expect, it } from "vitest";
import { describeEvent, type HistoryEntry } from "./card-fields";

const entry = (type: string, data: unknown, more: Partial<HistoryEntry> = {}): HistoryEntry => ({ id: "e1", type, from: null, to: null, actor: "Dev Patel", data, at: "2026-12-05T10:00:00.000Z", ...more });

describe("describeEvent", () => {
  it.each([
    ["automation ticking a DoD item", entry("DOD_AUTO", { itemId: "i", text: "Tests pass", done: true }, { actor: "automation" }), "Automation ticked “Tests pass”"],
    ["automation unticking one", entry("DOD_AUTO", { itemId: "i", text: "Checks green", done: false }, { actor: "automation" }), "Automation unticked “Checks green”"],
    ["a person ticking", entry("DOD_TICKED", { itemId: "i", text: "Docs updated", done: true }), "Dev Patel ticked “Docs updated”"],
    ["a priority change, with from and to", entry("UPDATED", { priority: { from: "LOW", to: "HIGH" } }), "Dev Patel changed priority from Low to High"],
    ["a move", entry("MOVED", null, { from: "To do", to: "In progress" }), "Dev Patel moved it from To do to In progress"],
    ["the creation", entry("CREATED", null, { to: "To do" }), "Dev Patel created the card in To do"],
    ["an item added", entry("DOD_ITEM_ADDED", { text: "Feature flag removed" }), "Dev Patel added “Feature flag removed” to its Definition of Done"],
    ["an override", entry("DOD_OVERRIDE", { reason: "Legal asked" }), "Dev Patel moved it into Done without a complete Definition of Done: Legal asked"],
    ["a WIP breach", entry("WIP_BREACH", { column: "Review", count: 4, limit: 3 }), "Dev Patel put it in Review over the WIP limit (4 of 3)"],
  ])("%s", (_, event, sentence) => {
    expect(describeEvent(event)).toBe(sentence);
  });

  it("joins several changes of one save, naming people and epics", () => {
    const event = entry(
      "UPDATED",
      // In the order PostgreSQL's jsonb keeps keys (shortest first); told in the form's order.
      {
        title: { from: "Cart", to: "Saved carts" },
        epicId: { from: null, to: "c9" },
        labels: { from: ["web"], to: ["web", "api"] },
        estimate: { from: null, to: 5 },
        assigneeId: { from: null, to: "u1" },
      },
      { names: { u1: "Priya Owner", c9: "APP-3" } },
    );
    expect(describeEvent(event)).toBe("Dev Patel renamed it from “Cart” to “Saved carts”, assigned it to Priya Owner, estimated it at 5 points, added the label “api” and put it in epic APP-3");
  });

  it.each([
    [{ estimate: { from: 3, to: 1 } }, "Dev Patel changed the estimate from 3 to 1 point"],
    [{ estimate: { from: 3, to: null } }, "Dev Patel removed the estimate"],
    [{ assigneeId: { from: "u1", to: null } }, "Dev Patel unassigned Priya Owner"],
    [{ blockedReason: { from: null, to: "Waiting on API keys" } }, "Dev Patel marked it blocked: “Waiting on API keys”"],
    [{ blockedReason: { from: "x", to: null } }, "Dev Patel unblocked it"],
    [{ labels: { from: ["web", "ui"], to: [] } }, "Dev Patel removed the labels “web” and “ui”"],
    [{ type: { from: "STORY", to: "BUG" } }, "Dev Patel changed the type from Story to Bug"],
  ])("%j", (diff, sentence) => {
    expect(describeEvent(entry("UPDATED", diff, { names: { u1: "Priya Owner" } }))).toBe(sentence);
  });
});
