import { apiRoute } from "@/lib/api/endpoint";
import { getImportEndpoint } from "@/lib/api/endpoints/imports";
import { getImport } from "@/lib/server/services/imports";

export const GET = apiRoute(getImportEndpoint, async ({ actor, params }) => getImport(actor, params.id));
