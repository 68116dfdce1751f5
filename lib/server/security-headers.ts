// Security headers. Pages get a Content-Security-Policy with a fresh nonce per request (proxy.ts):
// Next.js puts the nonce on its own scripts, next-themes on its theme script, and nothing else
// may run. Every response gets the static headers (server.ts).

/**
 * The page policy for one request. Styles allow inline: React renders `style` attributes and the
 * UI libraries inject style tags; scripts are what an injection would need and they stay locked.
 * `'strict-dynamic'` lets the nonce-bearing Next.js loader pull in its chunks.
 */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Avatars and images in card descriptions come from anywhere over HTTPS.
    "img-src 'self' blob: data: https:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self' https://github.com",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A nonce: 128 random bits, base64 (a valid CSP nonce-source). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** Headers for every response, pages and API alike. */
export const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  // Paths can hold secrets (invitation links): other sites see the origin only.
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

/** HSTS only over HTTPS (browsers ignore it over HTTP, and a plain-HTTP install must stay reachable). */
export const HSTS = "max-age=63072000";
