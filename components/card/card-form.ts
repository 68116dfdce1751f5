// The card form's values and how they meet a newer version of the card: fields the person has
// not touched take the new values, fields they edited keep their edits, and a save sends only
// the edited fields (with the newest version), so nobody's change is lost without a word.
import type { CardView } from "./card-fields";

export function formValues(card: CardView) {
  return {
    title: card.title,
    description: card.description,
    type: card.type,
    priority: card.priority,
    assigneeId: card.assignee?.id ?? "",
    estimate: card.estimate === null ? "" : String(card.estimate),
    labels: card.labels.join(", "),
    epicKey: card.epic?.key ?? "",
    blockedReason: card.blockedReason ?? "",
  };
}
export type FormValues = ReturnType<typeof formValues>;
export type FormField = keyof FormValues;

export const FIELD_LABELS: Record<FormField, string> = {
  title: "Title",
  description: "Description",
  type: "Type",
  priority: "Priority",
  assigneeId: "Assignee",
  estimate: "Estimate",
  labels: "Labels",
  epicKey: "Epic",
  blockedReason: "Blocked because",
};

const FIELDS = Object.keys(FIELD_LABELS) as FormField[];

/** Fields whose value differs between `a` and `b`, in form order. */
export function changedFields(a: FormValues, b: FormValues): FormField[] {
  return FIELDS.filter((field) => a[field] !== b[field]);
}

/**
 * Moves unsaved edits made on `base` onto `latest`: untouched fields take `latest`'s values,
 * edited ones stay. `theirs` names what the other save changed; `conflicts` what both changed.
 */
export function rebase(values: FormValues, base: FormValues, latest: FormValues) {
  const mine = changedFields(values, base);
  const theirs = changedFields(latest, base);
  const merged = { ...latest };
  for (const field of mine) merged[field] = values[field];
  return { values: merged, mine, theirs, conflicts: theirs.filter((field) => mine.includes(field)) };
}

/** The update for the edited fields only, in the API's shape. */
export function updatePayload(values: FormValues, fields: readonly FormField[]) {
  const payload: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field];
    if (field === "estimate") payload.estimate = value === "" ? null : Number(value);
    else if (field === "labels") payload.labels = value.split(",").map((label) => label.trim()).filter(Boolean);
    else if (field === "assigneeId" || field === "epicKey" || field === "blockedReason") payload[field] = value || null;
    else payload[field] = value;
  }
  return payload;
}
