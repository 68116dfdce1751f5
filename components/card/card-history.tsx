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
            <li key={entry.id} className="text-sm">
              <span className="font-medium">{entry.actor}</span> <span className="text-muted">{describeEvent(entry)}</span>
              <time dateTime={entry.at} className="ml-2 text-xs text-muted">{new Date(entry.at).toLocaleString()}</time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
