import { apiRoute } from "@/lib/api/endpoint";
import { getMeEndpoint } from "@/lib/api/endpoints/core";
import { getMe } from "@/lib/server/queries/projects";

export const GET = apiRoute(getMeEndpoint, ({ actor }) => getMe(actor));
