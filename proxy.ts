// Sends signed-out visitors to sign-in (UX only: every page, action and API route authorizes
// itself), and gives every page its Content-Security-Policy with a fresh nonce, which Next.js reads
// from the request's own CSP header and puts on its scripts.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/server/security-headers";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PUBLIC_PREFIXES = ["/sign-in", "/sign-up", "/invite/", "/_next/", "/favicon", "/icon", "/logo"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix)) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// Not the API: its routes authorize themselves, and a proxy in front would buffer request bodies
// and cut them at 10 MB (imports take up to 100 MB).
export const config = { matcher: ["/((?!api/|_next/static|_next/image|.*\\.(?:svg|png|ico|txt)$).*)"] };
