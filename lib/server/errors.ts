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
