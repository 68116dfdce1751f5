// Every /api/v1 endpoint, for the OpenAPI document and the authorization-matrix test.
// Each feature adds its list here.
import { backlogEndpoints } from "./backlog";
import { boardEndpoints } from "./board";
import { coreEndpoints } from "./core";
import { dodEndpoints } from "./dod";
import { importEndpoints } from "./imports";
import { integrationEndpoints } from "./integrations";
import { reportEndpoints } from "./reports";
import { teamEndpoints } from "./teams";

export const allEndpoints = [...coreEndpoints, ...backlogEndpoints, ...boardEndpoints, ...integrationEndpoints, ...dodEndpoints, ...teamEndpoints, ...importEndpoints, ...reportEndpoints];
