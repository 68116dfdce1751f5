import { Badge, pipelineTone } from "@/components/ui/badge";
import { cn } from "@/lib/utils/cn";

/**
 * A pipeline status as a coloured badge; the accessible name says what it is ("Pipeline:
 * failure"), since colour alone is not enough. Server-safe: no client state.
 */
export function PipelineBadge({ status, label = "Pipeline", className }: { status: string; label?: string; className?: string }) {
  return (
    <Badge
      tone={pipelineTone(status)}
      dot
      pulse={status === "running"}
      role="img"
      aria-label={`${label}: ${status}`}
      title={`${label}: ${status}`}
      className={cn("capitalize", className)}
    >
      <span aria-hidden>{status}</span>
    </Badge>
  );
}
