import { apiRoute } from "@/lib/api/endpoint";
import { velocityEndpoint } from "@/lib/api/endpoints/reports";
import { requireProjectRole } from "@/lib/server/authz";
import { velocity } from "@/lib/server/services/reports";

export const GET = apiRoute(velocityEndpoint, async ({ actor, params, query }) => velocity(await requireProjectRole(actor, params.key, "VIEWER"), query));
