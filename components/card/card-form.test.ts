import { describe, expect, it } from "vitest";
import { changedFields, formValues, rebase, updatePayload } from "./card-form";
import type { CardView } from "./card-fields";

const card: CardView = {
  key: "APP-1",
  title: "Checkout",
  description: "",
  type: "story",
  priority: "low",
  assignee: null,
  labels: ["web"],
  estimate: null,
  epic: null,
  column: { id: "c1", name: "To do", category: "TODO" },
  blockedReason: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  version: 1,
};

describe("rebase", () => {
  const base = formValues(card);

  it("keeps my edit and takes their change to another field", () => {
    const mine = { ...base, title: "Checkout v2" };
    const latest = formValues({ ...card, priority: "high", version: 2 });
    const result = rebase(mine, base, latest);
    expect(result.values).toEqual({ ...base, title: "Checkout v2", priority: "high" });
    expect(result.mine).toEqual(["title"]);
    expect(result.theirs).toEqual(["priority"]);
    expect(result.conflicts).toEqual([]);
  });

  it("names a field both changed as a conflict and keeps mine", () => {
    const mine = { ...base, title: "Mine" };
    const result = rebase(mine, base, formValues({ ...card, title: "Theirs", version: 2 }));
    expect(result.values.title).toBe("Mine");
    expect(result.conflicts).toEqual(["title"]);
  });

  it("without edits, simply becomes the new version", () => {
    const latest = formValues({ ...card, estimate: 3, labels: ["web", "api"], version: 2 });
    const result = rebase(base, base, latest);
    expect(result.values).toEqual(latest);
    expect(result.mine).toEqual([]);
    expect(result.theirs).toEqual(["estimate", "labels"]);
  });
});

describe("updatePayload", () => {
  it("sends only the edited fields, in the API's shape", () => {
    const values = { ...formValues(card), title: "New", estimate: "5", labels: " web, api ,", assigneeId: "", priority: "urgent" };
    const fields = changedFields(values, formValues(card));
    expect(fields).toEqual(["title", "priority", "estimate", "labels"]);
    expect(updatePayload(values, fields)).toEqual({ title: "New", priority: "urgent", estimate: 5, labels: ["web", "api"] });
    expect(updatePayload({ ...values, estimate: "", epicKey: "" }, ["estimate", "epicKey", "assigneeId"])).toEqual({ estimate: null, epicKey: null, assigneeId: null });
  });
});
