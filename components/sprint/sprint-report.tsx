// A sprint report: the commitment, what changed while it ran, and what got done. A closed sprint's
// figures come from the facts recorded at the time, so they never drift.
import Link from "next/link";
import { TypeIcon } from "@/components/board/card-meta";
import { BurndownPanel } from "@/components/reports/burndown-panel";
import { Badge } from "@/components/ui/badge";
import type { BurndownReport } from "@/lib/domain/reports/types";
import type { SprintReport as Report } from "@/lib/server/queries/sprints";
import { pts } from "./sprint-format";

const KIND_LABELS: Record<string, string> = {
  COMMITTED: "Committed at start",
  ADDED: "Added",
  REMOVED: "Removed",
  ESTIMATE_CHANGED: "Estimate changed",
  COMPLETED: "Completed",
  ROLLED_OVER: "Not done at close",
};
const cards = (n: number) => `${n} ${n === 1 ? "card" : "cards"}`;
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0");
const time = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });

function Tile({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-lg border border-border bg-surface p-3 shadow-raised">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums">{value}</dd>
      {detail ? <dd className="text-xs text-muted">{detail}</dd> : null}
    </div>
  );
}

/** `burndown` is null for a sprint not started yet. */
export function SprintReport({ projectKey, report, burndown }: { projectKey: string; report: Report; burndown: BurndownReport | null }) {
  const { summary } = report;
  const cardLink = (key: string) => <Link href={`/${projectKey}/cards/${key}`} className="font-mono text-xs hover:underline">{key}</Link>;
  return (
    <div className="flex flex-col gap-6">
      {summary ? (
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
          <Tile label="Committed" value={pts(summary.committedPoints)} detail={`${cards(summary.committedCards)} at start`} />
          <Tile label="Added" value={signed(summary.addedPoints)} detail="points added while running" />
          <Tile label="Removed" value={signed(-summary.removedPoints)} detail="points taken out" />
          <Tile label="Estimate changes" value={signed(summary.estimateDelta)} detail="points re-estimated" />
          <Tile label="Completed" value={pts(summary.completedPoints)} detail={cards(summary.completedCards)} />
          <Tile label="Not done" value={cards(summary.incompleteCards.length)} detail={pts(summary.incompleteCards.reduce((sum, card) => sum + (card.estimate ?? 0), 0))} />
        </dl>
      ) : (
        <p className="text-sm text-muted">This sprint has not started. Its report begins with the commitment recorded at the start.</p>
      )}
      {burndown ? <BurndownPanel report={burndown} projectKey={projectKey} /> : null}
      {summary && summary.incompleteCards.length ? (
        <section aria-labelledby="incomplete">
          <h2 id="incomplete" className="mb-2 text-sm font-semibold">{report.state === "closed" ? "Not done at close" : "Not done yet"}</h2>
          <p className="flex flex-wrap gap-2">{summary.incompleteCards.map((card) => <Badge key={card.key} tone="warning">{cardLink(card.key)} · {card.estimate ?? "–"}</Badge>)}</p>
        </section>
      ) : null}
      <section aria-labelledby="sprint-cards">
        <h2 id="sprint-cards" className="mb-2 text-sm font-semibold">Cards in this sprint ({report.cards.length})</h2>
        {report.cards.length ? (
          <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
            {report.cards.map((card) => (
              <li key={card.key} className="flex h-9 items-center gap-2 px-3 text-sm">
                <TypeIcon type={card.type} />
                {cardLink(card.key)}
                <span className="min-w-0 flex-1 truncate">{card.title}</span>
                <Badge tone={card.column.category === "DONE" ? "success" : "neutral"}>{card.column.name}</Badge>
                <span className="w-8 text-right text-xs tabular-nums text-muted">{card.estimate ?? "–"}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">No cards. Plan some from the backlog.</p>
        )}
      </section>
      {report.scopeChanges.length ? (
        <section aria-labelledby="scope">
          <h2 id="scope" className="mb-2 text-sm font-semibold">Recorded changes</h2>
          <div className="relative overflow-x-auto">
          <table className="w-full overflow-hidden rounded-lg border border-border bg-surface text-sm">
            <thead className="bg-surface-2 text-left text-xs text-muted">
              <tr>
                <th className="px-3 py-2 font-medium">When</th>
                <th className="px-3 py-2 font-medium">What</th>
                <th className="px-3 py-2 font-medium">Card</th>
                <th className="px-3 py-2 text-right font-medium">Points</th>
                <th className="px-3 py-2 font-medium">By</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {report.scopeChanges.map((change) => (
                <tr key={change.id}>
                  <td className="px-3 py-1.5 text-xs whitespace-nowrap text-muted">{time.format(new Date(change.at))}</td>
                  <td className="px-3 py-1.5">{KIND_LABELS[change.kind] ?? change.kind}</td>
                  <td className="px-3 py-1.5">{cardLink(change.cardKey)} <span className="text-muted">{change.cardTitle}</span></td>
                  <td className="px-3 py-1.5 text-right tabular-nums">
                    {change.kind === "ESTIMATE_CHANGED" ? `${change.previousPoints ?? "–"} → ${change.points ?? "–"}` : (change.points ?? "–")}
                  </td>
                  <td className="px-3 py-1.5 text-xs text-muted">{change.actor ?? "automation"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
