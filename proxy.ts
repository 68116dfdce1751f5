// Sends signed-out visitors to sign-in. UX only: every page, action and API route authorizes itself.
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PUBLIC_PREFIXES = ["/sign-in", "/sign-up", "/invite/", "/api/", "/_next/", "/favicon", "/icon", "/logo"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return NextResponse.next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/((?!_next/static|_next/image|.*\\.(?:svg|png|ico|txt)$).*)"] };
