import { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/endpoint";
import { handlers } from "@/lib/server/auth";
import { AppError, validationFailed } from "@/lib/server/errors";
import { requestBaseUrl } from "@/lib/server/public-url";
import { clientAddress, signInRetryAfter } from "@/lib/server/sign-in-throttle";
import { NUL_MESSAGE, nulPath } from "@/lib/validation/common";

/**
 * Auth.js derives its redirects, its callback-URL cookie and OAuth redirect URIs from the request
 * URL, whose host Next sets to the listening address (0.0.0.0): hand it the public origin instead.
 */
function atPublicOrigin(req: NextRequest): NextRequest {
  const { pathname, search } = new URL(req.url);
  return new NextRequest(`${new URL(requestBaseUrl(req)).origin}${pathname}${search}`, req);
}

export const GET = (req: NextRequest) => handlers.GET(atPublicOrigin(req));

/** Auth.js, with failed-sign-in throttling in front of the credentials callback (429 + Retry-After). */
export async function POST(req: NextRequest) {
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    // Auth.js reads the sign-in form; anything else (a JSON body) is refused here, not a crash there.
    const form = await credentialsForm(req);
    if (form instanceof Response) return form;
    const retryAfter = await signInRetryAfter(String(form.get("email") ?? ""), clientAddress(req));
    if (retryAfter > 0) {
      const url = `${requestBaseUrl(req)}/sign-in?error=RateLimited&retryAfter=${retryAfter}`;
      return Response.json(
        { url, error: { code: "RATE_LIMITED", message: `Too many failed sign-ins. Try again in ${retryAfter} seconds.`, details: { retryAfter } } },
        { status: 429, headers: { "retry-after": String(retryAfter) } },
      );
    }
  }
  return handlers.POST(atPublicOrigin(req));
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

async function credentialsForm(req: Request): Promise<FormData | Response> {
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!FORM_TYPES.includes(type)) return errorResponse(new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the sign-in form as application/x-www-form-urlencoded.", 415));
  let form: FormData;
  try {
    form = await req.clone().formData();
  } catch {
    return errorResponse(new AppError("INVALID_FORM", "The sign-in form could not be read.", 400));
  }
  const at = nulPath(Object.fromEntries(form));
  return at ? errorResponse(validationFailed([{ path: at.join("."), message: NUL_MESSAGE }])) : form;
}
