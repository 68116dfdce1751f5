import { Badge, type BadgeTone } from "@/components/ui/badge";

// Outcome of a delivery in the log; failures and refusals stand out, repeats and ignores do not.
const TONES: Record<string, BadgeTone> = {
  processed: "success",
  pending: "info",
  ignored: "neutral",
  duplicate: "neutral",
  failed: "danger",
};

export function DeliveryStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? "neutral"}>{status}</Badge>;
}
