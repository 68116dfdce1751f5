import { currentDatabase } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and uptime checks. */
export async function GET() {
  const started = performance.now();
  try {
    const database = currentDatabase();
    await database.prisma.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: { kind: database.kind, ok: true, ms: Math.round(performance.now() - started) }, uptimeSeconds: Math.round(process.uptime()) });
  } catch (error) {
    return Response.json({ status: "degraded", database: { ok: false, error: (error as Error).message } }, { status: 503 });
  }
}
