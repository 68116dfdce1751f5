// Runs once when the Next.js server starts (after server.ts opened the database): background work
// that must not wait for a request, such as webhook deliveries still queued from before a restart.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startWebhookWorker } = await import("@/lib/server/webhook-queue");
  startWebhookWorker();
  const { startImportWorker } = await import("@/lib/server/import-queue");
  startImportWorker();
}
