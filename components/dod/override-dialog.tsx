"use client";
// "Move anyway…" / "Plan anyway…": a product owner or admin goes past an unmet Definition of Done
// (a move into Done) or Definition of Ready (planning into a sprint). The reason is required; the
// server records it in the card's history.
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";

export interface OverrideRequest {
  /** The question, e.g. "Move SHOP-4 to Done anyway?". */
  title: string;
  /** What the override skips, in one sentence. */
  description: string;
  /** The unmet items, in the definition's order. */
  unmet: string[];
  confirmLabel: string;
}

export interface OverrideDialogProps {
  request: OverrideRequest | null;
  /** Resolves with the refusal's message, or null once done. */
  onConfirm: (reason: string) => Promise<string | null>;
  onClose: () => void;
}

export function OverrideDialog({ request, onConfirm, onClose }: OverrideDialogProps) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const close = () => {
    setReason("");
    setError(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError("Give a reason: it is recorded on the card.");
    setPending(true);
    const failure = await onConfirm(reason.trim());
    setPending(false);
    if (failure) setError(failure);
    else close();
  };

  return (
    <Dialog open={request !== null} onOpenChange={(open) => open || close()}>
      {request ? (
        <DialogContent title={request.title} description={request.description}>
          <form onSubmit={submit} noValidate className="flex flex-col gap-4 text-sm">
            <div>
              <p className="mb-1 font-medium">Not met</p>
              <ul className="list-disc pl-5 text-muted">
                {request.unmet.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </div>
            <Field label="Reason" required error={error}>
              {(control) => <Textarea {...control} rows={3} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} autoFocus />}
            </Field>
            <DialogFooter>
              <Button type="button" variant="ghost" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" variant="primary" loading={pending}>
                {request.confirmLabel}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
