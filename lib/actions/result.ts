// The value every server action returns. Expected failures are values; bugs are throws.
import { AppError, asInputError, type FieldIssue } from "@/lib/server/errors";

export type ActionFailure = { ok: false; code: string; message: string; fieldErrors?: Record<string, string>; details?: unknown; values?: Record<string, string> };
export type ActionResult<T = undefined> = { ok: true; data: T } | ActionFailure;

/** The submitted text fields (never passwords), so a form can show them again after a failure. */
export function submittedValues(formData: FormData, omit: string[] = ["password"]): Record<string, string> {
  return Object.fromEntries([...formData.entries()].filter(([name, value]) => typeof value === "string" && !omit.includes(name) && !name.startsWith("$")) as Array<[string, string]>);
}

/**
 * Only the named fields of a submitted form, absent ones left out. A form's data also carries
 * React's and Next.js's own hidden fields (`$ACTION_REF_1`, `$ACTION_1:0`, …) that strict schemas
 * would refuse.
 */
export function formFields(formData: FormData, names: readonly string[]): Record<string, FormDataEntryValue> {
  return Object.fromEntries(names.flatMap((name) => {
    const value = formData.get(name);
    return value === null ? [] : [[name, value]];
  }));
}

export function fieldErrorsOf(issues: FieldIssue[]): Record<string, string> {
  return Object.fromEntries(issues.map((issue) => [issue.path, issue.message]));
}

export function invalid(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): ActionFailure {
  return {
    ok: false,
    code: "VALIDATION_FAILED",
    message: "Please fix the highlighted fields.",
    fieldErrors: Object.fromEntries(issues.map((issue) => [issue.path.map(String).join("."), issue.message])),
  };
}

/** Runs a service call, turning an AppError into a failed result (anything else is a bug and throws). */
export async function attempt<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (thrown) {
    const error = asInputError(thrown);
    if (!(error instanceof AppError)) throw error;
    const fieldErrors = error.code === "VALIDATION_FAILED" && Array.isArray(error.details) ? fieldErrorsOf(error.details as FieldIssue[]) : undefined;
    return { ok: false, code: error.code, message: error.message, fieldErrors, details: error.details };
  }
}
