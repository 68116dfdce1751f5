import "server-only";
// The generic incident webhook (issue 14): any tool that can POST JSON opens and resolves incidents.
// Unlike CI deliveries it is processed at once, so a bad body is answered 400/422 with nothing written.
import { verifyDelivery } from "@/lib/domain/pipeline/verify";
import { errorResponse, json } from "@/lib/api/endpoint";
import { idSchema, parseInput } from "@/lib/validation/common";
import { incidentWebhookSchema } from "@/lib/validation/incidents";
import { decryptSecret } from "../../crypto";
import { db } from "../../db";
import { AppError, fieldIssues, notFound, unprocessable, validationFailed } from "../../errors";
import { parseWebhookJson } from "../pipeline/body";
import { readWebhookBody, reject } from "../webhook-ingest";
import { recordIncident } from "./record";

/**
 * POST /api/webhooks/incident/{integrationId}, signed with the integration's secret as the generic
 * CI webhook is. Answers 200 `{ id, openedAt, resolvedAt }`; 404 unknown integration; 401 missing or
 * wrong signature; 400 not JSON; 422 a body that does not fit (field errors), a card that is not
 * the project's, or `resolve` of an incident never opened; 413 over 5 MB.
 */
export async function receiveIncident(req: Request, integrationId: string): Promise<Response> {
  try {
    const integration = idSchema.safeParse(integrationId).success
      ? await db.integration.findUnique({ where: { id: integrationId }, select: { id: true, projectId: true, secretEncrypted: true } })
      : null;
    if (!integration) throw notFound("Webhook");
    const raw = await readWebhookBody(req);
    const secret = decryptSecret(integration.secretEncrypted);
    if (secret === null || !verifyDelivery("generic", secret, raw, req.headers)) {
      return reject(req, integration.id, "incident", new AppError("INVALID_SIGNATURE", "The signature does not match this webhook's secret.", 401));
    }
    let body: unknown;
    try {
      body = parseWebhookJson(raw.toString("utf8"));
    } catch {
      return reject(req, integration.id, "incident", new AppError("INVALID_JSON", "The body is not valid JSON.", 400));
    }
    const parsed = parseInput(incidentWebhookSchema, body);
    if (!parsed.success) throw validationFailed(fieldIssues(parsed.error.issues));
    const input = parsed.data;
    const externalId = String(input.id);
    const source = { projectId: integration.projectId, integrationId: integration.id };

    const incident = await db.$transaction(async (tx) => {
      if (input.card && !(await tx.card.findFirst({ where: { projectId: integration.projectId, key: input.card }, select: { id: true } }))) {
        throw validationFailed([{ path: "card", message: `${input.card} is not a card of this project.` }]);
      }
      const existing = await tx.incident.findUnique({ where: { integrationId_externalId: { integrationId: integration.id, externalId } } });
      if (input.action === "resolve" && !existing) throw unprocessable("INCIDENT_NOT_OPEN", `Incident ${externalId} was never opened here: open it first.`);
      const at = new Date(input.at).toISOString();
      const { id } = await recordIncident(tx, source, {
        externalId,
        title: input.title ?? existing!.title,
        openedAt: input.action === "open" ? at : existing!.openedAt.toISOString(),
        resolvedAt: input.action === "resolve" ? at : null,
        deploymentSha: input.deploymentSha ?? existing?.deploymentSha ?? null,
        cardKey: input.card ?? existing?.cardKey ?? null,
        url: input.url ?? existing?.url ?? null,
      });
      return tx.incident.findUniqueOrThrow({ where: { id }, select: { id: true, openedAt: true, resolvedAt: true } });
    });
    return json(incident, 200);
  } catch (error) {
    return errorResponse(error);
  }
}
