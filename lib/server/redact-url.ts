// Request URLs as logged: secrets in paths (invitation links) and queries (OAuth codes, tokens,
// a callbackUrl leading to an invitation) are replaced, so log readers cannot replay them.

const REDACTED = "[redacted]";
/** Query parameters that are secrets whatever their value. */
const SECRET_PARAMS = new Set(["token", "code", "state", "secret", "password", "csrftoken", "access_token", "id_token", "refresh_token", "api_key", "key"]);
/** Our own opaque secrets (see tokens.ts): invitation links and API tokens. */
const SECRET_VALUE = /\b(?:inv|sb)_[A-Za-z0-9_-]+/g;

function redactPath(path: string): string {
  return path.replace(/(\/invite\/)[^/?#]+/g, `$1${REDACTED}`).replace(SECRET_VALUE, REDACTED);
}

/** `url` (a request target: path and query) with its secrets replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf("?");
  if (queryAt < 0) return redactPath(url);
  const params = new URLSearchParams(url.slice(queryAt + 1));
  const redacted = [...params].map(([name, value]) => [name, SECRET_PARAMS.has(name.toLowerCase()) ? REDACTED : redactPath(value)]);
  // Unchanged queries are logged as sent, not re-encoded.
  if (redacted.every(([, value], i) => value === [...params][i]![1])) return `${redactPath(url.slice(0, queryAt))}${url.slice(queryAt)}`;
  return `${redactPath(url.slice(0, queryAt))}?${new URLSearchParams(redacted).toString().replaceAll("%5Bredacted%5D", REDACTED)}`;
}
