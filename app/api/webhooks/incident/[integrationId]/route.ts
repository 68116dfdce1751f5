// Generic incident webhook: verify, validate, record at once (see incident-webhook.ts).
import { receiveIncident } from "@/lib/server/services/delivery/incident-webhook";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ integrationId: string }> }) {
  const { integrationId } = await params;
  return receiveIncident(req, integrationId);
}
