// p50/p70/p85/p95 at a glance, in days.
import type { Percentiles } from "@/lib/domain/reports/types";
import { PERCENTILES } from "./report-table";

export function PercentileSummary({ percentiles, label }: { percentiles: Percentiles; label: string }) {
  return (
    <dl aria-label={label} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {PERCENTILES.map((p) => (
        <div key={p} className="flex gap-1">
          <dt className="text-muted">{p}</dt>
          <dd className="font-semibold tabular-nums">{percentiles[p] === null ? "–" : `${percentiles[p]} days`}</dd>
        </div>
      ))}
    </dl>
  );
}
