// CI/CD webhook receiver: verify, store, answer 202; the queue worker processes (see webhook-ingest.ts).
import { receiveWebhook } from "@/lib/server/services/webhook-ingest";
import { startWebhookWorker } from "@/lib/server/webhook-queue";

export const dynamic = "force-dynamic";

// The first delivery starts this process's worker (idempotent; the server also starts it at boot).
// Not while `next build` collects routes, and not in tests, which drain the queue themselves.
if (process.env.NODE_ENV !== "test" && process.env.NEXT_PHASE !== "phase-production-build") startWebhookWorker();

export async function POST(req: Request, { params }: { params: Promise<{ provider: string; integrationId: string }> }) {
  const { provider, integrationId } = await params;
  return receiveWebhook(req, provider, integrationId);
}
