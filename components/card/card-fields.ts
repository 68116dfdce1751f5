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
  blockedReason: string | null;
  flagReason?: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type HistoryEntry = { id: string; type: string; from: string | null; to: string | null; actor: string; data: unknown; at: string };

/** One line of history in words. */
export function describeEvent(entry: HistoryEntry): string {
  const reason = (entry.data as { reason?: string } | null)?.reason;
  switch (entry.type) {
    case "CREATED":
      return `created the card in ${entry.to ?? "the board"}`;
    case "MOVED":
      return `moved it from ${entry.from} to ${entry.to}`;
    case "COMPLETED":
      return "completed it";
    case "REOPENED":
      return "reopened it";
    case "DOD_OVERRIDE":
      return `moved it into Done without a complete Definition of Done: ${reason}`;
    case "DOR_OVERRIDE":
      return `planned it into a sprint before it was ready: ${reason}`;
    case "UPDATED": {
      const fields = Object.keys((entry.data as Record<string, unknown>) ?? {});
      return `changed ${fields.join(", ") || "the card"}`;
    }
    default:
      return `${entry.type.toLowerCase().replace(/_/g, " ")}${reason ? `: ${reason}` : ""}`;
  }
}
