// Where to go after signing in: only a path on this app. Parsed the way a browser would (URL
// normalises `\` to `/`, strips tabs and newlines), so `/\evil.example` cannot leave the origin.

export const DEFAULT_CALLBACK = "/projects";

/**
 * The same-origin path (with query and hash) `raw` leads to when resolved against `origin`, or
 * `fallback` when it leads elsewhere, is not a string, or would itself read as a protocol-relative
 * address (`//host`) once handed back to a browser.
 */
export function safeCallbackPath(raw: unknown, origin: string, fallback = DEFAULT_CALLBACK): string {
  if (typeof raw !== "string" || raw.trim() === "") return fallback;
  let target: URL;
  try {
    target = new URL(raw, origin);
  } catch {
    return fallback;
  }
  if (target.origin !== new URL(origin).origin) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  return path.startsWith("//") || path.startsWith("/\\") ? fallback : path;
}
