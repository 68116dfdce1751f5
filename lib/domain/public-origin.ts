// The base URL that people and other systems reach this server at, for absolute links it hands out
// (webhook URLs, redirects). The server itself listens on HOSTNAME (0.0.0.0 by default), which is
// never an address to give anyone.

export interface OriginRequest {
  /** The URL the framework built for the request (its host may be the listening address). */
  url: string;
  headers: Pick<Headers, "get">;
}

export interface OriginConfig {
  /** PUBLIC_URL: when set, it wins. */
  publicUrl?: string;
  /** TRUST_PROXY: X-Forwarded-Host and X-Forwarded-Proto come from our own reverse proxy. */
  trustProxy: boolean;
}

// host or host:port, an IPv6 literal in brackets allowed; nothing that could carry a path or user.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The first value of a header a proxy chain may have appended to ("a, b"). */
const firstValue = (value: string | null) => value?.split(",")[0]?.trim() || null;

/**
 * PUBLIC_URL (without trailing slashes) when configured; otherwise the origin the client asked
 * for: its Host header, or, under TRUST_PROXY only, X-Forwarded-Host and X-Forwarded-Proto.
 * Shipboard serves plain HTTP itself, so without a trusted proxy the scheme is http. A missing or
 * malformed host falls back to the request URL's host.
 */
export function publicOrigin(request: OriginRequest, config: OriginConfig): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, "");
  const forwardedHost = config.trustProxy ? firstValue(request.headers.get("x-forwarded-host")) : null;
  const forwardedProto = config.trustProxy ? firstValue(request.headers.get("x-forwarded-proto"))?.toLowerCase() : null;
  const host = [forwardedHost, request.headers.get("host")].find((candidate) => candidate && HOST.test(candidate)) ?? new URL(request.url).host;
  const scheme = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : "http";
  return `${scheme}://${host.toLowerCase()}`;
}
