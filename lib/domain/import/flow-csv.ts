/**
 * The flow-analytics CSV: one row per card, one column per workflow stage holding the date the
 * card last entered it (empty if never). Written by hand rather than with a library: quoting is
 * RFC 4180's two rules, and the formula guard is ours.
 */

/** A cell a spreadsheet would run as a formula (`= + - @`, tab, CR) gets a leading `'`. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record (CRLF-terminated) of escaped cells; the reports' downloads use it too. */
export const csvLine = (cells: Array<string | number | null | undefined>) => `${cells.map(csvCell).join(",")}\r\n`;

const FIXED = ["Key", "Title", "Type", "Priority", "Estimate", "Labels", "Column", "Created", "Completed"];

export function flowCsvHeader(stages: string[]): string {
  return csvLine([...FIXED, ...stages]);
}

interface FlowCard {
  key: string;
  title: string;
  type: string;
  priority: string;
  estimate: number | null;
  labels: string[];
  columnId: string;
  createdAt: Date;
  completedAt: Date | null;
  events: Array<{ at: Date; toColumnId: string | null }>;
}

/** `events` oldest first; a card with no history counts as entering its column when created. */
export function flowCsvRow(card: FlowCard, columns: Array<{ id: string; name: string }>): string {
  const entered = new Map<string, Date>();
  for (const event of card.events) if (event.toColumnId) entered.set(event.toColumnId, event.at);
  if (!entered.has(card.columnId) && !card.events.length) entered.set(card.columnId, card.createdAt);
  const current = columns.find((column) => column.id === card.columnId)?.name ?? "";
  return csvLine([
    card.key,
    card.title,
    card.type.toLowerCase(),
    card.priority.toLowerCase(),
    card.estimate,
    card.labels.join(", "),
    current,
    card.createdAt.toISOString(),
    card.completedAt?.toISOString() ?? "",
    ...columns.map((column) => entered.get(column.id)?.toISOString() ?? ""),
  ]);
}
