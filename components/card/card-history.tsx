import { RelativeTime } from "@/components/ui/relative-time";
import { describeEvent, type HistoryEntry } from "./card-fields";

export function CardHistory({ entries }: { entries: HistoryEntry[] }) {
  return (
    <section className="mt-8" aria-labelledby="history-heading">
      <h2 id="history-heading" className="text-sm font-semibold">History</h2>
      {entries.length === 0 ? (
        <p className="mt-2 text-sm text-muted">Nothing has happened to this card yet.</p>
      ) : (
        <ol className="mt-3 flex flex-col gap-2 border-l border-border pl-4">
          {entries.map((entry) => (
            <li key={entry.id} className="text-sm" data-testid="history-entry">
              {describeEvent(entry)} <RelativeTime at={entry.at} className="ml-1" />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
