import { handlers } from "@/lib/server/auth";
import { clientAddress, signInRetryAfter } from "@/lib/server/sign-in-throttle";

export const GET = handlers.GET;

/** Auth.js, with failed-sign-in throttling in front of the credentials callback (429 + Retry-After). */
export async function POST(req: Parameters<typeof handlers.POST>[0]) {
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const form = await req.clone().formData();
    const retryAfter = await signInRetryAfter(String(form.get("email") ?? ""), clientAddress(req));
    if (retryAfter > 0) {
      const url = new URL(`/sign-in?error=RateLimited&retryAfter=${retryAfter}`, req.url).toString();
      return Response.json(
        { url, error: { code: "RATE_LIMITED", message: `Too many failed sign-ins. Try again in ${retryAfter} seconds.`, details: { retryAfter } } },
        { status: 429, headers: { "retry-after": String(retryAfter) } },
      );
    }
  }
  return handlers.POST(req);
}
