"use client";
// Creating an invitation: the one-time link is shown once, with a copy button.
import { Copy } from "lucide-react";
import { useActionState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { inviteAction } from "@/lib/actions/workspace";
import { grantableRoles, ROLE_LABELS, type TeamRole } from "@/lib/domain/roles";
import { RelativeTime } from "@/components/ui/relative-time";

export function InviteForm({ teamId, myRole }: { teamId: string; myRole: TeamRole }) {
  const [state, action, pending] = useActionState(inviteAction.bind(null, teamId), null);
  const invited = state?.ok ? state.data : null;
  const failed = state && !state.ok ? state : null;
  const link = invited && typeof window !== "undefined" ? `${window.location.origin}${invited.link}` : "";
  const assignable = grantableRoles(myRole).filter((role) => role !== "OWNER");

  return (
    <section aria-labelledby="invite-heading" className="rounded-xl border border-border bg-surface p-4">
      <h2 id="invite-heading" className="text-sm font-semibold">Invite someone</h2>
      <p className="mt-1 text-xs text-muted">Shipboard sends no email: pass the link on yourself. It works once and expires in 7 days.</p>
      <form action={action} className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field label="Email" name="email" required error={failed ? (failed.fieldErrors?.email ?? (failed.fieldErrors?.role ? null : failed.message)) : null} className="flex-1">
          {(props) => <Input {...props} type="email" placeholder="teammate@example.com" defaultValue={failed?.values?.email} />}
        </Field>
        <Field label="Role" name="role" error={failed?.fieldErrors?.role} className="sm:w-44">
          {(props) => (
            <Select {...props} defaultValue="MEMBER">
              {assignable.map((role) => <option key={role} value={role}>{ROLE_LABELS[role]}</option>)}
            </Select>
          )}
        </Field>
        <Button type="submit" variant="primary" loading={pending} className="shrink-0 sm:mt-[1.375rem]">Create invitation</Button>
      </form>
      {invited ? (
        <div role="status" className="mt-3 rounded-lg border border-success bg-success-subtle p-3">
          <p className="text-sm">Invitation link for <strong>{invited.email}</strong> (expires <RelativeTime at={invited.expiresAt} />):</p>
          <div className="mt-2 flex items-center gap-2">
            <code data-testid="invitation-link" className="min-w-0 flex-1 overflow-x-auto rounded bg-surface px-2 py-1.5 font-mono text-xs">{link}</code>
            <Button size="sm" onClick={() => navigator.clipboard.writeText(link).then(() => toast.success("Link copied"), () => toast.error("Copy failed: select the link and copy it yourself."))}>
              <Copy aria-hidden /> Copy link
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
