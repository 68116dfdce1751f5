// One declaration per REST endpoint: it validates the request, documents it in OpenAPI, and tells
// the authorization-matrix test which role it needs. Route files pair a spec with a handler.
import { z } from "zod";
import type { TeamRole } from "@/lib/domain/roles";
import { authenticate, type Actor } from "@/lib/server/authenticate";
import { AppError, asInputError, fieldIssues, unauthorized } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import { readMultipart } from "@/lib/server/multipart";
import { parseInput } from "@/lib/validation/common";
import { MAX_IMPORT_BYTES } from "@/lib/validation/imports";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface EndpointSpec<P extends AnyObject = AnyObject, Q extends AnyObject = AnyObject, B extends z.ZodType = z.ZodType> {
  method: Method;
  /** OpenAPI path under /api/v1, e.g. `/projects/{key}/cards`. */
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Documented response body. */
  response?: z.ZodType;
  status?: number;
  /** Minimum team role; null when any signed-in user may call it (own resources only). */
  role: TeamRole | null;
  /** Token callers are refused (e.g. creating tokens needs the browser session). */
  sessionOnly?: boolean;
  /** Example body used by the docs and by the authorization-matrix test. */
  example?: z.input<B>;
}

export function defineEndpoint<P extends AnyObject, Q extends AnyObject, B extends z.ZodType>(spec: EndpointSpec<P, Q, B>) {
  return spec;
}

export interface EndpointContext<P extends AnyObject, Q extends AnyObject, B extends z.ZodType> {
  req: Request;
  actor: Actor;
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  requestId: string;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function json(data: unknown, status = 200, headers?: HeadersInit) {
  return Response.json(data, { status, headers });
}

export function errorResponse(thrown: unknown, requestId?: string): Response {
  const error = asInputError(thrown);
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if ((error.status === 429 || error.status === 503) && typeof error.details === "object" && error.details && "retryAfter" in error.details) {
      headers["retry-after"] = String((error.details as { retryAfter: number }).retryAfter);
    }
    return json({ error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) } }, error.status, headers);
  }
  logger.error({ err: error, requestId }, "unhandled API error");
  return json({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }, 500);
}

/** The validated body, and what to release once the request is answered (an upload's files on disk). */
async function readBody(req: Request, schema: z.ZodType | undefined): Promise<{ body: unknown; release?: () => Promise<void> }> {
  if (!schema) return { body: undefined };
  // Uploads (imports, the largest files any endpoint takes) come as multipart: each field as text,
  // a file field as a Blob spooled to disk.
  if (req.headers.get("content-type")?.startsWith("multipart/form-data")) {
    const { fields, release } = await readMultipart(req, MAX_IMPORT_BYTES).catch(() => {
      throw new AppError("INVALID_BODY", "The multipart body could not be read.", 400);
    });
    try {
      return { body: parse(schema, fields, "body"), release };
    } catch (error) {
      await release();
      throw error;
    }
  }
  const text = await req.text();
  let raw: unknown;
  try {
    raw = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("INVALID_JSON", "The request body is not valid JSON.", 400);
  }
  return { body: parse(schema, raw, "body") };
}

function parse<S extends z.ZodType>(schema: S, raw: unknown, where: string): z.output<S> {
  const result = parseInput(schema, raw);
  if (!result.success) {
    const issues = fieldIssues(result.error.issues);
    throw new AppError("VALIDATION_FAILED", `Invalid ${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, 422, issues);
  }
  return result.data;
}

/** Wraps a handler: authenticate, validate params/query/body, run, and map errors to the API shape. */
export function apiRoute<P extends AnyObject, Q extends AnyObject, B extends z.ZodType>(
  spec: EndpointSpec<P, Q, B>,
  handler: (ctx: EndpointContext<P, Q, B>) => Promise<unknown>,
) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
    let release: (() => Promise<void>) | undefined;
    try {
      const actor = await authenticate(req);
      if (spec.sessionOnly && actor.via !== "session") throw unauthorized("This endpoint needs a browser session, not an API token.");
      const rawParams = context?.params ? await context.params : {};
      const params = spec.params ? parse(spec.params, rawParams, "path") : ({} as z.output<P>);
      const url = new URL(req.url);
      const query = spec.query ? parse(spec.query, Object.fromEntries(url.searchParams), "query") : ({} as z.output<Q>);
      const read = await readBody(req, spec.body);
      release = read.release;
      const result = await handler({ req, actor, params, query, body: read.body as z.output<B>, requestId });
      if (result instanceof Response) return result;
      return json(result ?? { ok: true }, spec.status ?? 200);
    } catch (error) {
      return errorResponse(error, requestId);
    } finally {
      await release?.();
    }
  };
}
