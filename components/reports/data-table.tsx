// A report's table alternative: the same rows the CSV download writes.
import Link from "next/link";
import type { ReportTable } from "./report-table";

export function DataTable({ table, caption, projectKey }: { table: ReportTable; caption: string; projectKey: string }) {
  return (
    // Focusable so a keyboard user can scroll a wide or long table (axe scrollable-region-focusable).
    <div tabIndex={0} role="region" aria-label={`${caption} table`} className="relative max-h-96 overflow-auto rounded-lg border border-border">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-surface-2 text-left text-xs text-muted">
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">{column}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {table.rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) => (
                <td key={column} className={typeof cell === "number" ? "px-3 py-1.5 text-right tabular-nums" : "px-3 py-1.5 whitespace-nowrap"}>
                  {column === table.cardColumn && cell ? (
                    <Link href={`/${projectKey}/cards/${cell}`} className="font-mono text-xs hover:underline">{cell}</Link>
                  ) : (
                    cell
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
