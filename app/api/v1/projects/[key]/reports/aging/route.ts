import { apiRoute } from "@/lib/api/endpoint";
import { agingEndpoint } from "@/lib/api/endpoints/reports";
import { requireProjectRole } from "@/lib/server/authz";
import { aging } from "@/lib/server/services/reports";

export const GET = apiRoute(agingEndpoint, async ({ actor, params, query }) => aging(await requireProjectRole(actor, params.key, "VIEWER"), query));
