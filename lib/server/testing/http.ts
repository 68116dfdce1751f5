// Calls route handlers in-process with real Request objects, as Next would.
import { encode } from "next-auth/jwt";
import { createApiToken } from "../services/api-tokens";

export const TEST_AUTH_SECRET = "test-secret-for-integration-tests-only";
process.env.AUTH_SECRET ??= TEST_AUTH_SECRET;

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type Credentials = { token?: string; sessionUserId?: string };

export async function tokenFor(userId: string) {
  return (await createApiToken({ userId, via: "session" }, "test")).token;
}

/** A session cookie as Auth.js issues it; `claims` adds the session id and version a sign-in sets. */
export async function sessionCookie(userId: string, claims: { sid?: string; sv?: number } = {}) {
  const value = await encode({ token: { sub: userId, ...claims }, secret: process.env.AUTH_SECRET!, salt: "authjs.session-token" });
  return `authjs.session-token=${value}`;
}

export async function call(
  handler: Handler,
  options: { method?: string; path?: string; params?: Record<string, string>; body?: unknown; rawBody?: string; auth?: Credentials; headers?: Record<string, string> } = {},
) {
  const headers = new Headers(options.headers);
  if (options.auth?.token) headers.set("authorization", `Bearer ${options.auth.token}`);
  if (options.auth?.sessionUserId) headers.set("cookie", await sessionCookie(options.auth.sessionUserId));
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers.set("content-type", "application/json");
  const req = new Request(`http://localhost${options.path ?? "/api/v1/test"}`, { method: options.method ?? "GET", headers, body });
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
    await res.body?.cancel(); // an endless stream: the status is what a caller checks here
    return { status: res.status, headers: res.headers, json: null };
  }
  const text = await res.text();
  let json: any = null; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses are inspected loosely
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, json };
}
