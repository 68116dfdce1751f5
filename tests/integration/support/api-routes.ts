// The route handler of each endpoint spec, found by its path: /projects/{key}/cards → app/api/v1/projects/[key]/cards/route.ts.
import type { EndpointSpec } from "@/lib/api/endpoint";
import type { call } from "@/lib/server/testing/http";

export type Handler = Parameters<typeof call>[0];
export const routeModules = import.meta.glob<Record<string, Handler>>("/app/api/v1/**/route.ts", { eager: true });

export function routeFileFor(path: string) {
  const segments = path.split("/").filter(Boolean).map((segment) => segment.replace(/^\{(.+)\}$/, "[$1]"));
  return `/app/api/v1/${segments.join("/")}/route.ts`;
}

export function handlerFor(spec: EndpointSpec): Handler {
  const handler = routeModules[routeFileFor(spec.path)]?.[spec.method];
  if (!handler) throw new Error(`no ${spec.method} handler in ${routeFileFor(spec.path)}`);
  return handler;
}
