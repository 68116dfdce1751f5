"use client";
import { Braces, RotateCcw } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { reprocessDeliveryAction } from "@/lib/actions/integrations";
import type { DeliveryDetail, DeliveryDto, RejectionSummary } from "@/lib/server/queries/integrations";
import { DELIVERY_STATUSES } from "@/lib/validation/integrations";
import { cn } from "@/lib/utils/cn";
import { DeliveryStatusBadge } from "./delivery-status";
import { RefusedDeliveries } from "./refused-deliveries";
import { RelativeTime } from "@/components/ui/relative-time";
import { formatExact } from "@/lib/utils/time";

type Result = { linkedCards?: string[]; pipeline?: string | null; job?: string | null; status?: string | null; environment?: string | null; ignored?: { reason: string }; duplicateOf?: string | null };

/** One line saying what a delivery did (or why it did nothing). */
function summary(delivery: DeliveryDto): string {
  const result = (delivery.result ?? {}) as Result;
  if (delivery.lastError) return delivery.lastError;
  if (result.ignored) return result.ignored.reason;
  if (result.duplicateOf !== undefined) return `Repeat of delivery ${result.duplicateOf ?? "(no id)"}; not processed again.`;
  if (delivery.status !== "processed") return "";
  const what = [result.environment, result.pipeline, result.job, result.status].filter(Boolean).join(" · ");
  const cards = result.linkedCards?.length ? result.linkedCards.join(", ") : "no card named";
  return `${cards}${what ? ` — ${what}` : ""}`;
}

function pretty(body: string | null) {
  if (body === null) return "(not stored)";
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function PayloadDialog({ deliveryId, onClose }: { deliveryId: string; onClose: () => void }) {
  const [detail, setDetail] = useState<DeliveryDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Payloads can be large, so they are fetched (from the REST API, with the session) on open only.
    const controller = new AbortController();
    fetch(`/api/v1/deliveries/${deliveryId}`, { signal: controller.signal })
      .then(async (res) => (res.ok ? setDetail(await res.json()) : setError((await res.json()).error?.message ?? `HTTP ${res.status}`)))
      .catch((reason: unknown) => controller.signal.aborted || setError(reason instanceof Error ? reason.message : "Could not load the delivery."));
    return () => controller.abort();
  }, [deliveryId]);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent size="xl" title="Delivery payload" description={detail ? `${detail.event || "(no event)"} · received ${formatExact(new Date(detail.receivedAt))}` : undefined}>
        {error ? <p role="alert" className="text-sm text-danger">{error}</p> : null}
        {!detail && !error ? <Spinner label="Loading payload" /> : null}
        {detail ? (
          <div className="flex flex-col gap-4">
            <section aria-label="Headers">
              <h3 className="mb-1 text-xs font-semibold text-muted uppercase">Headers</h3>
              {Object.keys(detail.headers).length ? (
                <table className="w-full text-left font-mono text-xs">
                  <tbody>
                    {Object.entries(detail.headers).map(([name, value]) => (
                      <tr key={name} className="border-t border-border">
                        <th className="py-1 pr-3 align-top font-medium">{name}</th>
                        <td className="py-1 break-all">{value}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="text-sm text-muted">Not stored (repeated deliveries keep no headers).</p>
              )}
            </section>
            <section aria-label="Body">
              <h3 className="mb-1 text-xs font-semibold text-muted uppercase">Body</h3>
              <pre className="max-h-[50vh] overflow-auto rounded-md bg-surface-2 p-3 font-mono text-xs">{pretty(detail.body)}</pre>
            </section>
          </div>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

type DeliveryLogProps = { integration: { id: string; name: string }; deliveries: DeliveryDto[]; rejections: RejectionSummary[]; status: string | null; projectKey: string };

export function DeliveryLog({ integration, deliveries, rejections, status, projectKey }: DeliveryLogProps) {
  const router = useRouter();
  const [viewing, setViewing] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const base = `/${projectKey}/settings/integrations?integration=${integration.id}`;
  const reprocess = (id: string) =>
    startTransition(async () => {
      const result = await reprocessDeliveryAction(id);
      toast[result.ok ? "success" : "error"](result.ok ? "Queued for processing again" : result.message);
      router.refresh();
    });
  return (
    <section aria-labelledby="delivery-log" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id="delivery-log" className="font-semibold">Delivery log · {integration.name}</h3>
        <nav aria-label="Filter deliveries" className="ml-auto flex flex-wrap gap-1 text-xs">
          {[null, ...DELIVERY_STATUSES].map((value) => (
            <Link key={value ?? "all"} href={value ? `${base}&status=${value}` : base} aria-current={status === value ? "page" : undefined}
              className={cn("rounded-md px-2 py-1", status === value ? "bg-surface-2 font-medium" : "text-muted hover:bg-surface-2")}>
              {value ?? "all"}
            </Link>
          ))}
        </nav>
      </div>
      <RefusedDeliveries rejections={rejections} />
      {deliveries.length === 0 ? (
        <EmptyState size="sm" title="No deliveries" description="Deliveries appear here as soon as the provider sends one; GitHub's and GitLab's “test” buttons send one now." />
      ) : (
        <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-muted">
            <tr><th className="py-2 font-medium">Received</th><th className="font-medium">Event</th><th className="font-medium">Outcome</th><th className="font-medium">Attempts</th><th className="font-medium">Details</th><th className="font-medium"><span className="sr-only">Actions</span></th></tr>
          </thead>
          <tbody>
            {deliveries.map((delivery) => (
              <tr key={delivery.id} className="border-t border-border align-top">
                <td className="py-2 pr-3 whitespace-nowrap text-muted"><RelativeTime at={delivery.receivedAt} /></td>
                <td className="py-2 pr-3 font-mono text-xs">{delivery.event || "—"}</td>
                <td className="py-2 pr-3"><DeliveryStatusBadge status={delivery.status} /></td>
                <td className="py-2 pr-3 tabular-nums">{delivery.attempts}</td>
                <td className="py-2 pr-3 text-xs break-words text-muted">{summary(delivery)}</td>
                <td className="py-1.5 text-right whitespace-nowrap">
                  <Button size="sm" variant="ghost" onClick={() => setViewing(delivery.id)} aria-label={`Payload of delivery received ${formatExact(new Date(delivery.receivedAt))}`}>
                    <Braces aria-hidden /> Payload
                  </Button>
                  {delivery.status === "duplicate" ? null : (
                    <Button size="sm" variant="ghost" disabled={pending} onClick={() => reprocess(delivery.id)}>
                      <RotateCcw aria-hidden /> Reprocess
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      {viewing ? <PayloadDialog key={viewing} deliveryId={viewing} onClose={() => setViewing(null)} /> : null}
    </section>
  );
}
