// Said when someone else saved the card while this person had unsaved edits: who, and what they
// changed. The edits are kept; saving sends only them, so the other change stays too.
import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FIELD_LABELS, type FormField } from "./card-form";

export type ChangeNoticeData = { by: string; theirs: FormField[]; conflicts: FormField[]; shown: Partial<Record<FormField, string>> };

type Props = { notice: ChangeNoticeData; onUseTheirs: () => void; onDismiss: () => void };

export function ChangeNotice({ notice, onUseTheirs, onDismiss }: Props) {
  return (
    <div role="alert" className="mb-4 rounded-lg border border-warning/40 bg-warning-subtle p-3 text-sm">
      <p className="flex items-center gap-2 font-medium">
        <TriangleAlert aria-hidden className="size-4 shrink-0 text-warning" />
        Changed by {notice.by} — review
      </p>
      <ul className="mt-1.5 list-disc pl-9 text-muted">
        {notice.theirs.map((field) => (
          <li key={field}>
            <span className="text-foreground">{FIELD_LABELS[field]}</span>
            {notice.shown[field] !== undefined ? <>: now “{notice.shown[field]}”</> : " changed"}
            {notice.conflicts.includes(field) ? " — you edited it too; saving keeps yours" : null}
          </li>
        ))}
      </ul>
      <p className="mt-1.5 pl-6 text-muted">Your unsaved edits are kept. Save to apply them on top of this change.</p>
      <div className="mt-2 flex gap-2 pl-6">
        <Button type="button" size="sm" onClick={onDismiss}>Keep my edits</Button>
        <Button type="button" size="sm" variant="ghost" onClick={onUseTheirs}>Discard my edits</Button>
      </div>
    </div>
  );
}
