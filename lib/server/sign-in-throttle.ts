import "server-only";
// Failed sign-ins are throttled per account and per client address.
import { clearLimit, countHit, peekLimit } from "./rate-limit";

const WINDOW_MS = 15 * 60_000;
const PER_ACCOUNT = Number(process.env.SIGNIN_LIMIT_PER_ACCOUNT ?? 5);
const PER_ADDRESS = Number(process.env.SIGNIN_LIMIT_PER_ADDRESS ?? 20);

const accountKey = (email: string) => `signin:account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `signin:address:${address}`;

/** Set by server.ts from the socket (or the trusted proxy's X-Forwarded-For); never taken from the client. */
export function clientAddress(req: Request): string {
  return req.headers.get("x-client-ip") ?? "unknown";
}

/** Seconds to wait, or 0 when a sign-in attempt may proceed. */
export async function signInRetryAfter(email: string, address: string): Promise<number> {
  const [account, client] = await Promise.all([peekLimit(accountKey(email), PER_ACCOUNT), peekLimit(addressKey(address), PER_ADDRESS)]);
  return Math.max(account.retryAfterSeconds, client.retryAfterSeconds);
}

export async function recordFailedSignIn(email: string, address: string) {
  await Promise.all([countHit(accountKey(email), WINDOW_MS), countHit(addressKey(address), WINDOW_MS)]);
}

export async function recordSuccessfulSignIn(email: string) {
  await clearLimit(accountKey(email));
}
