import "server-only";
// Base of the absolute links Shipboard hands out (webhook URLs, redirects): PUBLIC_URL, else the
// origin the client asked for (lib/domain/public-origin), never the listening address 0.0.0.0.
import { headers } from "next/headers";
import { publicOrigin } from "@/lib/domain/public-origin";
import { env } from "./env";

const originConfig = () => ({ publicUrl: env.PUBLIC_URL, trustProxy: env.TRUST_PROXY });

/** For a route handler's request. */
export const requestBaseUrl = (req: Request) => publicOrigin(req, originConfig());

/** For pages and server actions, from the current request's headers. */
export async function pageBaseUrl() {
  return publicOrigin({ url: "http://localhost/", headers: await headers() }, originConfig());
}
