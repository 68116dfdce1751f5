// Labels for card enums, shared by the card page, the board and the backlog.
export const TYPE_LABELS = { story: "Story", bug: "Bug", task: "Task", spike: "Spike", epic: "Epic" } as const;
export const PRIORITY_LABELS = { low: "Low", medium: "Medium", high: "High", urgent: "Urgent" } as const;

export type CardView = {
  key: string;
  title: string;
  description: string;
  type: string;
  priority: string;
  assignee: { id: string; name: string } | null;
  labels: string[];
  estimate: number | null;
  epic: { key: string; title: string } | null;
  column: { id: string; name: string; category: string };
  sprintId?: string | null;
  blockedReason: string | null;
  flagReason?: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type HistoryEntry = {
  id: string;
  type: string;
  from: string | null;
  to: string | null;
  actor: string;
  data: unknown;
  /** Names (users) and keys (epics) of the ids an UPDATED diff mentions. */
  names?: Record<string, string>;
  at: string;
};

type Diff = { from?: unknown; to?: unknown };

/** The order changes are told in (the card form's), whatever order the stored diff has. */
const FIELD_ORDER = ["title", "description", "type", "priority", "assigneeId", "estimate", "labels", "epicId", "blockedReason"];
const fieldRank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);

const quote = (text: unknown) => `“${String(text)}”`;
const points = (value: number) => `${value} ${value === 1 ? "point" : "points"}`;
const labelOf = (labels: Record<string, string>, value: unknown) => (typeof value === "string" ? (labels[value.toLowerCase()] ?? value) : "none");

/** "a", "a and b", "a, b and c". */
function list(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** One change of an UPDATED event as a clause ("changed priority from Low to High"). */
function describeChange(field: string, { from, to }: Diff, names: Record<string, string>): string {
  const name = (id: unknown) => (typeof id === "string" ? (names[id] ?? "someone") : null);
  switch (field) {
    case "title":
      return `renamed it from ${quote(from)} to ${quote(to)}`;
    case "description":
      return "edited the description";
    case "type":
      return `changed the type from ${labelOf(TYPE_LABELS, from)} to ${labelOf(TYPE_LABELS, to)}`;
    case "priority":
      return `changed priority from ${labelOf(PRIORITY_LABELS, from)} to ${labelOf(PRIORITY_LABELS, to)}`;
    case "assigneeId":
      if (!to) return `unassigned ${name(from)}`;
      return from ? `reassigned it from ${name(from)} to ${name(to)}` : `assigned it to ${name(to)}`;
    case "estimate":
      if (typeof to !== "number") return "removed the estimate";
      return typeof from === "number" ? `changed the estimate from ${from} to ${points(to)}` : `estimated it at ${points(to)}`;
    case "labels": {
      const before = Array.isArray(from) ? (from as string[]) : [];
      const after = Array.isArray(to) ? (to as string[]) : [];
      const added = after.filter((label) => !before.includes(label));
      const removed = before.filter((label) => !after.includes(label));
      const clauses = [
        ...(added.length ? [`added the ${added.length === 1 ? "label" : "labels"} ${list(added.map(quote))}`] : []),
        ...(removed.length ? [`removed the ${removed.length === 1 ? "label" : "labels"} ${list(removed.map(quote))}`] : []),
      ];
      return clauses.length ? list(clauses) : "reordered the labels";
    }
    case "epicId":
      if (!to) return `took it out of epic ${name(from)}`;
      return `put it in epic ${name(to)}`;
    case "blockedReason":
      return to ? `marked it blocked: ${quote(to)}` : "unblocked it";
    default:
      return `changed ${field}`;
  }
}

/** One line of history as a sentence, starting with who did it ("Dev Patel ticked “Docs updated”"). */
export function describeEvent(entry: HistoryEntry): string {
  const data = (entry.data ?? {}) as { reason?: string; text?: string; done?: boolean; column?: string; count?: number; limit?: number };
  const who = entry.actor === "automation" ? "Automation" : entry.actor;
  const reason = data.reason ? `: ${data.reason}` : "";
  switch (entry.type) {
    case "CREATED":
      return `${who} created the card in ${entry.to ?? "the board"}`;
    case "MOVED":
      return data.reason === "column deleted"
        ? `${who} deleted ${entry.from}, which moved the card to ${entry.to}`
        : `${who} moved it from ${entry.from} to ${entry.to}`;
    case "COMPLETED":
      return `${who} completed it`;
    case "REOPENED":
      return `${who} reopened it`;
    case "DOD_TICKED":
    case "DOD_AUTO":
      return `${who} ${data.done === false ? "unticked" : "ticked"} ${quote(data.text)}`;
    case "DOD_ITEM_ADDED":
      return `${who} added ${quote(data.text)} to its Definition of Done`;
    case "DOD_OVERRIDE":
      return `${who} moved it into Done without a complete Definition of Done${reason}`;
    case "DOR_OVERRIDE":
      return `${who} planned it into a sprint before it was ready${reason}`;
    case "WIP_BREACH":
      return `${who} put it in ${data.column ?? entry.to} over the WIP limit (${data.count} of ${data.limit})`;
    case "AUTOMATION_FLAGGED":
      return `Automation flagged it${reason}`;
    case "UPDATED": {
      const diff = Object.entries((entry.data ?? {}) as Record<string, Diff>).sort(([a], [b]) => fieldRank(a) - fieldRank(b));
      return `${who} ${diff.length ? list(diff.map(([field, change]) => describeChange(field, change, entry.names ?? {}))) : "edited the card"}`;
    }
    default:
      return `${who} ${entry.type.toLowerCase().replace(/_/g, " ")}${reason}`;
  }
}
