import "server-only";
// Sign-in throttling (OWASP's authentication guidance): each attempt is counted before the password
// is checked, per (account, client address) pair with exponential backoff, so an attacker elsewhere
// cannot lock the owner out; and per address, so one client cannot try many accounts. Sign-up and
// invitation acceptance are limited per address.
import { clearLimit, countHit, takeBackoffAttempt, uncountHit, type Backoff } from "./rate-limit";

const WINDOW_MS = 15 * 60_000;
const PAIR_BACKOFF: Backoff = { free: Number(process.env.SIGNIN_LIMIT_PER_ACCOUNT ?? 5), baseSeconds: 30, capSeconds: 15 * 60 };
const PER_ADDRESS = Number(process.env.SIGNIN_LIMIT_PER_ADDRESS ?? 20);

/** Per address and hour: accounts created, invitations tried. */
export const ADDRESS_LIMITS = {
  "sign-up": Number(process.env.SIGNUP_LIMIT_PER_ADDRESS ?? 10),
  "accept-invitation": Number(process.env.INVITATION_LIMIT_PER_ADDRESS ?? 30),
};
export type AddressLimited = keyof typeof ADDRESS_LIMITS;

const normalised = (email: string) => email.trim().toLowerCase();
const pairKey = (email: string, address: string) => `signin:pair:${normalised(email)}|${address}`;
const addressKey = (address: string) => `signin:address:${address}`;

/** Set by server.ts from the socket (or the trusted proxy's X-Forwarded-For); never taken from the client. */
export function clientAddress(req: Request): string {
  return req.headers.get("x-client-ip") ?? "unknown";
}

/**
 * Counts a sign-in attempt before its password is checked. Answers 0 when it may proceed, else the
 * seconds to wait. A success takes the attempt back (recordSuccessfulSignIn), so only failures add up.
 */
export async function claimSignInAttempt(email: string, address: string): Promise<number> {
  const [pair, client] = await Promise.all([takeBackoffAttempt(pairKey(email, address), PAIR_BACKOFF), countHit(addressKey(address), WINDOW_MS, PER_ADDRESS)]);
  return Math.max(pair, client.retryAfterSeconds);
}

export async function recordSuccessfulSignIn(email: string, address: string) {
  await Promise.all([clearLimit(pairKey(email, address)), uncountHit(addressKey(address))]);
}

/** Counts a sign-up or an invitation acceptance from `address`: 0 when it may proceed, else seconds to wait. */
export async function claimAddressAttempt(kind: AddressLimited, address: string): Promise<number> {
  return (await countHit(`${kind}:address:${address}`, 60 * 60_000, ADDRESS_LIMITS[kind])).retryAfterSeconds;
}
