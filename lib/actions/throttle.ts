// Per-address limits for actions anyone can call (sign-up, accepting an invitation), as a result.
import { headers } from "next/headers";
import { claimAddressAttempt, type AddressLimited } from "@/lib/server/sign-in-throttle";
import type { ActionFailure } from "./result";

/** Counts the attempt; a failed result when this address has made too many. */
export async function limitByAddress(kind: AddressLimited): Promise<ActionFailure | null> {
  const address = (await headers()).get("x-client-ip") ?? "unknown";
  const retryAfter = await claimAddressAttempt(kind, address);
  if (!retryAfter) return null;
  const minutes = Math.ceil(retryAfter / 60);
  return { ok: false, code: "RATE_LIMITED", message: `Too many attempts from your network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, details: { retryAfter } };
}
