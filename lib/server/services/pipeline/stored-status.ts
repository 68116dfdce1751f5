// Pipeline statuses as stored: PipelineStatus, or "unknown" for a provider value the normalizers
// do not know (the domain's `null`). The status columns are plain text.
import { PIPELINE_STATUSES, type PipelineStatus } from "@/lib/domain/pipeline/types";

const UNKNOWN = "unknown";

export const storedStatus = (status: PipelineStatus | null): string => status ?? UNKNOWN;

export function readStatus(stored: string): PipelineStatus | null {
  return (PIPELINE_STATUSES as readonly string[]).includes(stored) ? (stored as PipelineStatus) : null;
}
