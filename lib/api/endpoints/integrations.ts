// CI/CD integrations: project admins connect GitHub, GitLab, CircleCI or any CI (generic) and read
// the delivery log. The webhook receiver itself is not under /api/v1 (providers authenticate with
// the integration's secret, not a token); it is documented through `webhookOpenApiPaths`.
import { z } from "zod";
import { genericWebhookBodySchema } from "@/lib/domain/pipeline/generic";
import { incidentWebhookSchema } from "@/lib/validation/incidents";
import { idParams, projectParams } from "@/lib/validation/common";
import { createIntegrationSchema, deliveriesQuery } from "@/lib/validation/integrations";
import { defineEndpoint } from "../endpoint";
import { CURL_EXAMPLE } from "../webhook-examples";

export const listIntegrationsEndpoint = defineEndpoint({
  method: "GET",
  path: "/projects/{key}/integrations",
  summary: "CI/CD integrations of a project with their webhook URLs (never their secrets)",
  tag: "Integrations",
  role: "ADMIN",
  params: projectParams,
});
export const createIntegrationEndpoint = defineEndpoint({
  method: "POST",
  path: "/projects/{key}/integrations",
  summary: "Connect a CI/CD provider; the answer carries the webhook URL and the secret, shown this once",
  tag: "Integrations",
  role: "ADMIN",
  params: projectParams,
  body: createIntegrationSchema,
  status: 201,
  example: { provider: "github", name: "GitHub acme/shop", repository: "acme/shop" },
});
export const deleteIntegrationEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/integrations/{id}",
  summary: "Disconnect an integration, with its delivery log and the pipeline records it brought",
  tag: "Integrations",
  role: "ADMIN",
  params: idParams,
});
export const rotateSecretEndpoint = defineEndpoint({
  method: "POST",
  path: "/integrations/{id}/rotate-secret",
  summary: "Replace the webhook secret; the new one is returned once and the old one stops working",
  tag: "Integrations",
  role: "ADMIN",
  params: idParams,
});
export const listDeliveriesEndpoint = defineEndpoint({
  method: "GET",
  path: "/integrations/{id}/deliveries",
  summary: "Delivery log, newest first: outcome (pending, processed, ignored, duplicate, failed), attempts, error and what was derived; with the refused deliveries counted by reason and the last few of each",
  tag: "Integrations",
  role: "ADMIN",
  params: idParams,
  query: deliveriesQuery,
});
export const getDeliveryEndpoint = defineEndpoint({
  method: "GET",
  path: "/deliveries/{id}",
  summary: "One delivery with its headers (secrets redacted) and raw body",
  tag: "Integrations",
  role: "ADMIN",
  params: idParams,
});
export const reprocessDeliveryEndpoint = defineEndpoint({
  method: "POST",
  path: "/deliveries/{id}/reprocess",
  summary: "Queue a stored delivery again (e.g. after changing the repository filter); 409 for a repeated one",
  tag: "Integrations",
  role: "ADMIN",
  params: idParams,
  status: 202,
});

export const integrationEndpoints = [
  listIntegrationsEndpoint,
  createIntegrationEndpoint,
  deleteIntegrationEndpoint,
  rotateSecretEndpoint,
  listDeliveriesEndpoint,
  getDeliveryEndpoint,
  reprocessDeliveryEndpoint,
];

const errorBody = { content: { "application/json": { schema: { type: "object", properties: { error: { type: "object" } } } } } };
const { $schema: _ignored, ...genericSchema } = z.toJSONSchema(genericWebhookBodySchema, { io: "input" }) as Record<string, unknown>;
const { $schema: _ignoredToo, ...incidentSchema } = z.toJSONSchema(incidentWebhookSchema, { io: "input" }) as Record<string, unknown>;

/** OpenAPI entry of the webhook receiver, merged into /api/v1/openapi.json. */
export const webhookOpenApiPaths = {
  "/api/webhooks/{provider}/{integrationId}": {
    post: {
      summary: "Receive a CI/CD webhook delivery",
      tags: ["Webhooks"],
      description: [
        "Point your provider at the integration's webhook URL. Authentication is the integration's secret, never a token:",
        "GitHub signs with `X-Hub-Signature-256`, GitLab sends the secret in `X-Gitlab-Token`, CircleCI signs with `Circleci-Signature: v1=…`,",
        "and the generic provider expects `X-Shipboard-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>` (or `X-Hub-Signature-256`).",
        "Deliveries are stored and answered at once with 202, then processed in the background; a repeated delivery id",
        "(`X-GitHub-Delivery`, GitLab `Idempotency-Key`, CircleCI body `id`, generic `X-Shipboard-Delivery`) is processed once.",
        "The body of the generic provider is documented below; for the other providers it is their own webhook payload.",
        "",
        "Example (generic provider):",
        "",
        "```sh",
        CURL_EXAMPLE,
        "```",
      ].join("\n"),
      security: [],
      parameters: [
        { name: "provider", in: "path", required: true, schema: { type: "string", enum: ["github", "gitlab", "circleci", "generic"] } },
        { name: "integrationId", in: "path", required: true, schema: { type: "string" } },
        { name: "X-Shipboard-Signature-256", in: "header", required: false, schema: { type: "string" }, description: "Generic provider: `sha256=` + hex HMAC-SHA256 of the raw body with the secret." },
        { name: "X-Shipboard-Delivery", in: "header", required: false, schema: { type: "string" }, description: "Generic provider: your id of this delivery; a repeat is ignored." },
        { name: "X-Shipboard-Event", in: "header", required: false, schema: { type: "string" }, description: "Generic provider: `ping` to test the connection." },
      ],
      requestBody: { required: true, content: { "application/json": { schema: genericSchema } } },
      responses: {
        "202": { description: "Stored (`{ accepted: true, id }`) or a repeat (`{ accepted: true, duplicate: true }`)" },
        "400": { description: "The body is not JSON", ...errorBody },
        "401": { description: "Signature or token missing or wrong (counted in the integration's refusals)", ...errorBody },
        "404": { description: "No such integration for this provider", ...errorBody },
        "413": { description: "Body larger than 5 MB", ...errorBody },
        "429": { description: "Too many refused deliveries from this address this minute (`Retry-After`); deliveries that verify are never limited", ...errorBody },
      },
    },
  },
  "/api/webhooks/incident/{integrationId}": {
    post: {
      summary: "Open or resolve a production incident",
      tags: ["Webhooks"],
      description: [
        "For incident and alerting tools (delivery measures: change failure rate, recovery time). Signed with an integration's secret",
        "like the generic provider: `X-Shipboard-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`. Processed at once:",
        "a body that does not fit is refused and nothing is written. The same `id` opens, updates and resolves one incident.",
        "An incident links to the production deployment of `deploymentSha`, or of a commit of `card`, else to the latest one before it opened.",
      ].join("\n"),
      security: [],
      parameters: [
        { name: "integrationId", in: "path", required: true, schema: { type: "string" } },
        { name: "X-Shipboard-Signature-256", in: "header", required: true, schema: { type: "string" }, description: "`sha256=` + hex HMAC-SHA256 of the raw body with the secret." },
      ],
      requestBody: { required: true, content: { "application/json": { schema: incidentSchema } } },
      responses: {
        "200": { description: "Recorded: `{ id, openedAt, resolvedAt }`" },
        "400": { description: "The body is not JSON", ...errorBody },
        "401": { description: "Signature missing or wrong", ...errorBody },
        "404": { description: "No such integration", ...errorBody },
        "413": { description: "Body larger than 5 MB", ...errorBody },
        "422": { description: "A field is missing or wrong (`details` names it), the card is not the project's, or `resolve` of an incident never opened", ...errorBody },
      },
    },
  },
};
