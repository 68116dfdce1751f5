// Expected failures carry a code, an HTTP status and optional details. Services throw them; the API
// turns them into `{ error: { code, message, details } }`, server actions into `{ ok: false, ... }`.
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export type FieldIssue = { path: string; message: string };

export const unauthorized = (message = "Sign in or send a valid API token.") => new AppError("UNAUTHORIZED", message, 401);
export const forbidden = (message = "Your role does not allow this.") => new AppError("FORBIDDEN", message, 403);
export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found.`, 404);
export const validationFailed = (issues: FieldIssue[], message = "Some fields are invalid.") =>
  new AppError("VALIDATION_FAILED", message, 422, issues);
export const versionConflict = (current: unknown) =>
  new AppError("VERSION_CONFLICT", "Someone else changed this card; reload it and try again.", 409, current);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(code, message, 409, details);
export const unprocessable = (code: string, message: string, details?: unknown) => new AppError(code, message, 422, details);

/** zod issues → `[{ path: "title", message }]` with dotted paths. */
export function fieldIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(body)", message: issue.message }));
}

/** PostgreSQL's refusal of U+0000 in text (22021) or in JSON (22P05), from a driver or through Prisma. */
function isNulRefusal(error: unknown): boolean {
  const direct = (error as { code?: unknown } | null)?.code;
  const viaPrisma = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta?.driverAdapterError?.cause?.originalCode;
  return [direct, viaPrisma].some((code) => code === "22021" || code === "22P05");
}

/**
 * An expected failure for what the database refused as input: a NUL character in an id or a text
 * that no schema checked (schemas refuse it first, with the field's name, see parseInput).
 * Anything else is returned as it is.
 */
export function asInputError(error: unknown): unknown {
  return isNulRefusal(error) ? new AppError("VALIDATION_FAILED", "Text must not contain a NUL character (U+0000).", 422) : error;
}
