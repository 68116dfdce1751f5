// CSRF defence for writes authenticated by the session cookie (a browser sends the cookie along with
// any site's request): the browser's own Sec-Fetch-Site and Origin must say the request comes from
// this app, and the body must be JSON, which a cross-site form or a no-cors fetch cannot send.
// Token callers never reach this: a Bearer header is never attached by a browser on its own.
import { AppError } from "./errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Hosts this app is reached at: the request's own (the proxy's when forwarded) and the configured public URLs. */
function appHosts(req: Request): Set<string> {
  const hosts = new Set<string>([new URL(req.url).host]);
  const forwarded = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (forwarded) hosts.add(forwarded.split(",")[0]!.trim().toLowerCase());
  for (const configured of [process.env.PUBLIC_URL, process.env.AUTH_URL]) {
    if (configured && URL.canParse(configured)) hosts.add(new URL(configured).host);
  }
  return hosts;
}

/** Throws 403 for a cross-site cookie-authenticated write and 415 for one whose body is not JSON. */
export function refuseCrossSiteWrite(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const fetchSite = req.headers.get("sec-fetch-site");
  const origin = req.headers.get("origin");
  const foreignOrigin = origin !== null && (!URL.canParse(origin) || !appHosts(req).has(new URL(origin).host));
  if ((fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") || foreignOrigin) {
    throw new AppError("CROSS_SITE_REQUEST", "This request came from another site; the session cookie is only honoured for this app's own pages.", 403);
  }
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send writes as application/json.", 415);
  }
}
