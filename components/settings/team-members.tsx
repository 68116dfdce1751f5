"use client";
import { Copy } from "lucide-react";
import { useActionState, useTransition } from "react";
import { toast } from "sonner";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ROLE_LABELS, ROLES, hasRole, type TeamRole } from "@/lib/domain/roles";
import { changeRoleAction, inviteAction, revokeInvitationAction } from "@/lib/actions/workspace";

type Props = {
  teamId: string;
  members: Array<{ id: string; name: string; email: string; role: TeamRole }>;
  invitations: Array<{ id: string; email: string; role: TeamRole; expiresAt: string }>;
  isAdmin: boolean;
  myRole: TeamRole;
  me: string;
};

export function TeamMembers({ teamId, members, invitations, isAdmin, myRole, me }: Props) {
  const [state, action, pending] = useActionState(inviteAction.bind(null, teamId), null);
  const [busy, start] = useTransition();
  const invited = state?.ok ? state.data : null;
  const link = invited && typeof window !== "undefined" ? `${window.location.origin}${invited.link}` : "";
  const assignable = ROLES.filter((role) => role !== "OWNER" && hasRole(myRole, role));

  return (
    <div className="mt-6 flex flex-col gap-8">
      {isAdmin ? (
        <section aria-labelledby="invite-heading" className="rounded-xl border border-border bg-surface p-4">
          <h2 id="invite-heading" className="text-sm font-semibold">Invite someone</h2>
          <p className="mt-1 text-xs text-muted">Shipboard sends no email: pass the link on yourself. It works once and expires in 7 days.</p>
          <form action={action} className="mt-3 flex items-end gap-3">
            <Field label="Email" name="email" required error={state && !state.ok ? (state.fieldErrors?.email ?? state.message) : null} className="flex-1">
              {(props) => <Input {...props} type="email" placeholder="teammate@example.com" />}
            </Field>
            <Field label="Role" name="role">
              {(props) => (
                <Select {...props} defaultValue="MEMBER">
                  {assignable.map((role) => <option key={role} value={role}>{ROLE_LABELS[role]}</option>)}
                </Select>
              )}
            </Field>
            <Button type="submit" variant="primary" loading={pending} className="mb-[1.125rem]">Create invitation</Button>
          </form>
          {invited ? (
            <div role="status" className="mt-3 rounded-lg border border-success bg-success-subtle p-3">
              <p className="text-sm">Invitation link for <strong>{invited.email}</strong> (expires {new Date(invited.expiresAt).toLocaleDateString()}):</p>
              <div className="mt-2 flex items-center gap-2">
                <code data-testid="invitation-link" className="flex-1 overflow-x-auto rounded bg-surface px-2 py-1.5 font-mono text-xs">{link}</code>
                <Button size="sm" onClick={() => navigator.clipboard.writeText(link).then(() => toast.success("Link copied"))}><Copy aria-hidden /> Copy</Button>
              </div>
            </div>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="text-sm font-semibold">Members ({members.length})</h2>
        <ul className="mt-3 divide-y divide-border rounded-xl border border-border bg-surface">
          {members.map((member) => (
            <li key={member.id} className="flex items-center gap-3 px-4 py-3">
              <Avatar name={member.name} size="sm" />
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium">{member.name}{member.id === me ? " (you)" : ""}</p>
                <p className="truncate text-xs text-muted">{member.email}</p>
              </div>
              {isAdmin && member.id !== me && hasRole(myRole, member.role) ? (
                <Select aria-label={`Role of ${member.name}`} value={member.role} disabled={busy}
                  onChange={(event) => start(async () => { const r = await changeRoleAction(teamId, member.id, event.target.value); if (!r.ok) toast.error(r.message); })}>
                  {ROLES.filter((role) => hasRole(myRole, role)).map((role) => <option key={role} value={role}>{ROLE_LABELS[role]}</option>)}
                </Select>
              ) : (
                <span className="text-sm text-muted">{ROLE_LABELS[member.role]}</span>
              )}
            </li>
          ))}
        </ul>
      </section>
      {isAdmin && invitations.length > 0 ? (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading" className="text-sm font-semibold">Pending invitations</h2>
          <ul className="mt-3 divide-y divide-border rounded-xl border border-border bg-surface">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex items-center gap-3 px-4 py-3 text-sm">
                <span className="flex-1 truncate">{invitation.email}</span>
                <span className="text-muted">{ROLE_LABELS[invitation.role]} · expires {new Date(invitation.expiresAt).toLocaleDateString()}</span>
                <Button size="sm" variant="ghost" disabled={busy} onClick={() => start(async () => { await revokeInvitationAction(invitation.id); })}>Revoke</Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
