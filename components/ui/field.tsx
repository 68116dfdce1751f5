import { useId, type ReactNode } from "react";
import { cn } from "@/lib/utils/cn";
import { Label } from "./label";

/** Props <Field> hands to its control; spread them onto the input. */
export type FieldControlProps = {
  id: string;
  name?: string;
  required?: boolean;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

export type FieldProps = {
  label: ReactNode;
  /** Render prop receiving the wiring, e.g. `{(p) => <Input {...p} />}`. */
  children: (control: FieldControlProps) => ReactNode;
  /** Field errors as returned by actions (`fieldErrors.title`): one string or several. */
  error?: string | readonly string[] | null;
  hint?: ReactNode;
  name?: string;
  required?: boolean;
  /** Control id; generated when omitted. */
  id?: string;
  className?: string;
};

/**
 * Label + control + hint + error. The error region is always rendered (empty
 * when valid) so aria-live announces an error the moment it appears.
 */
export function Field({ label, children, error, hint, name, required, id, className }: FieldProps) {
  const generatedId = useId();
  const controlId = id ?? `field-${generatedId}`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const messages = error == null ? [] : typeof error === "string" ? [error] : error;
  const invalid = messages.length > 0;
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ");

  return (
    <div className={cn("flex flex-col", className)}>
      <Label htmlFor={controlId} required={required} className="mb-1.5 self-start">
        {label}
      </Label>
      {children({
        id: controlId,
        name,
        required,
        "aria-invalid": invalid ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {hint ? (
        <p id={hintId} className="mt-1.5 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <div id={errorId} aria-live="polite" className="text-xs font-medium text-danger">
        {messages.map((message) => (
          <p key={message} className="mt-1.5">
            {message}
          </p>
        ))}
      </div>
    </div>
  );
}
