import { ShieldAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { RejectionSummary } from "@/lib/server/queries/integrations";
import { RelativeTime } from "@/components/ui/relative-time";

const REASONS: Record<string, { label: string; hint: string }> = {
  INVALID_SIGNATURE: { label: "Wrong or missing signature", hint: "The secret at the provider differs from this integration's (rotated?), or someone else is posting to the URL." },
  INVALID_JSON: { label: "Body is not JSON", hint: "Set the provider's content type to application/json." },
};


/** Refused deliveries of an integration: counted by reason with the last few, never stored one by one. */
export function RefusedDeliveries({ rejections }: { rejections: RejectionSummary[] }) {
  if (rejections.length === 0) return null;
  return (
    <section aria-labelledby="refused-deliveries" className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4">
      <div className="flex flex-wrap items-center gap-2">
        <ShieldAlert aria-hidden className="size-4 text-warning" />
        <h4 id="refused-deliveries" className="text-sm font-semibold">Refused deliveries</h4>
        <span className="text-xs text-muted">Counted, not stored: their headers and bodies are not trusted. An address that keeps sending them gets 429 for a minute.</span>
      </div>
      <ul className="flex flex-col gap-3">
        {rejections.map((rejection) => {
          const reason = REASONS[rejection.reason] ?? { label: rejection.reason, hint: "" };
          return (
            <li key={rejection.reason} className="flex flex-col gap-1.5">
              <div className="flex flex-wrap items-baseline gap-2 text-sm">
                <Badge tone="warning" className="tabular-nums">{rejection.count.toLocaleString()}</Badge>
                <span className="font-medium">{reason.label}</span>
                <span className="text-xs text-muted">last <RelativeTime at={rejection.lastAt} /></span>
              </div>
              {reason.hint ? <p className="text-xs text-muted">{reason.hint}</p> : null}
              <table className="w-full text-left text-xs">
                <caption className="sr-only">Last refusals: {reason.label}</caption>
                <thead className="text-muted">
                  <tr><th className="py-1 font-medium">Received</th><th className="font-medium">Event</th><th className="font-medium">From</th></tr>
                </thead>
                <tbody>
                  {rejection.recent.map((refusal, index) => (
                    <tr key={`${refusal.at}-${index}`} className="border-t border-border">
                      <td className="py-1 pr-3 whitespace-nowrap text-muted"><RelativeTime at={refusal.at} /></td>
                      <td className="py-1 pr-3 font-mono">{refusal.event || "—"}</td>
                      <td className="py-1 font-mono break-all">{refusal.address ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
