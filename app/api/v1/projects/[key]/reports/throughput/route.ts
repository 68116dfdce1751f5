import { apiRoute } from "@/lib/api/endpoint";
import { throughputEndpoint } from "@/lib/api/endpoints/reports";
import { requireProjectRole } from "@/lib/server/authz";
import { throughput } from "@/lib/server/services/reports";

export const GET = apiRoute(throughputEndpoint, async ({ actor, params, query }) => throughput(await requireProjectRole(actor, params.key, "VIEWER"), query));
