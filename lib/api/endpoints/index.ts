// Every /api/v1 endpoint, for the OpenAPI document and the authorization-matrix test.
// Each feature adds its list here.
import { coreEndpoints } from "./core";

export const allEndpoints = [...coreEndpoints];
