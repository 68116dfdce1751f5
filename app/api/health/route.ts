import { currentDatabase } from "@/lib/server/database";
import { logger } from "@/lib/server/logger";
import { realtimeStatus } from "@/lib/server/realtime-hub";

export const dynamic = "force-dynamic";

/**
 * Liveness, database reachability and live-update fan-out, for load balancers and uptime checks.
 * 503 when the database does not answer; 200 with `status: "degraded"` while live updates are
 * reconnecting (requests are still served). A failure is logged, never sent: the answer carries a
 * code only.
 */
export async function GET() {
  const started = performance.now();
  const realtime = realtimeStatus();
  try {
    const database = currentDatabase();
    await database.query("SELECT 1", []);
    const status = realtime === "ok" ? "ok" : "degraded";
    return Response.json({ status, database: { kind: database.kind, ok: true, ms: Math.round(performance.now() - started) }, realtime, uptimeSeconds: Math.round(process.uptime()) });
  } catch (error) {
    logger.error({ err: error }, "health check: the database does not answer");
    return Response.json({ status: "degraded", database: { ok: false, code: "DATABASE_UNAVAILABLE" }, realtime }, { status: 503 });
  }
}
