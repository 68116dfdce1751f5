import "server-only";
import { headers } from "next/headers";

/** This request's origin as the browser sees it (the proxy's host and scheme when there is one). */
export async function requestOrigin(): Promise<string> {
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost";
  const scheme = list.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${scheme}://${host.split(",")[0]!.trim()}`;
}
