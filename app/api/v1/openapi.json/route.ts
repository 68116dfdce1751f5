import { allEndpoints } from "@/lib/api/endpoints";
import { webhookOpenApiPaths } from "@/lib/api/endpoints/integrations";
import { buildOpenApi } from "@/lib/api/openapi";

export const dynamic = "force-static";

export function GET() {
  return Response.json(buildOpenApi(allEndpoints, webhookOpenApiPaths));
}
