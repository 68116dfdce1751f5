"use client";
// Members with their roles and pending invitations. What an admin may change follows the domain
// rule (memberChangeRefusal); the server enforces it again.
import { useTransition } from "react";
import { toast } from "sonner";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { changeRoleAction, revokeInvitationAction } from "@/lib/actions/workspace";
import { memberChangeRefusal, ROLE_LABELS, ROLES, type TeamRole } from "@/lib/domain/roles";
import { InviteForm } from "./invite-form";
import { RemoveMemberButton } from "./remove-member-button";
import { RelativeTime } from "@/components/ui/relative-time";

type Member = { id: string; name: string; email: string; role: TeamRole };
type Props = {
  teamId: string;
  teamName: string;
  members: Member[];
  invitations: Array<{ id: string; email: string; role: TeamRole; expiresAt: string }>;
  isAdmin: boolean;
  myRole: TeamRole;
  me: string;
};

export function TeamMembers({ teamId, teamName, members, invitations, isAdmin, myRole, me }: Props) {
  const [busy, start] = useTransition();
  const owners = members.filter((member) => member.role === "OWNER").length;
  // Roles this member could be given (their own included, so the select shows it).
  const roleChoices = (member: Member) =>
    ROLES.filter((role) => role === member.role || !memberChangeRefusal(myRole, member.role, { kind: "role", to: role }, owners));
  const removable = (member: Member) => member.id !== me && !memberChangeRefusal(myRole, member.role, { kind: "remove" }, owners);

  return (
    <div className="mt-6 flex flex-col gap-8">
      {isAdmin ? <InviteForm teamId={teamId} myRole={myRole} /> : null}
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="text-sm font-semibold">Members ({members.length})</h2>
        <ul className="mt-3 divide-y divide-border rounded-xl border border-border bg-surface">
          {members.map((member) => {
            const choices = isAdmin && member.id !== me ? roleChoices(member) : [];
            return (
              <li key={member.id} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3">
                <div className="flex min-w-0 flex-[1_1_12rem] items-center gap-3">
                  <Avatar name={member.name} size="sm" />
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-medium">{member.name}{member.id === me ? " (you)" : ""}</p>
                    <p className="truncate text-xs text-muted">{member.email}</p>
                  </div>
                </div>
                <div className="ml-auto flex min-w-0 items-center gap-1">
                  {choices.length > 1 ? (
                    <Select aria-label={`Role of ${member.name}`} value={member.role} disabled={busy} wrapperClassName="w-40 min-w-0 shrink"
                      onChange={(event) => start(async () => {
                        const result = await changeRoleAction(teamId, member.id, event.target.value);
                        if (!result.ok) toast.error(result.message);
                      })}>
                      {choices.map((role) => <option key={role} value={role}>{ROLE_LABELS[role]}</option>)}
                    </Select>
                  ) : (
                    <span className="px-2.5 text-sm text-muted">{ROLE_LABELS[member.role]}</span>
                  )}
                  {isAdmin && removable(member) ? <RemoveMemberButton teamId={teamId} teamName={teamName} member={member} /> : null}
                </div>
              </li>
            );
          })}
        </ul>
        {isAdmin && myRole !== "OWNER" ? <p className="mt-2 text-xs text-muted">Only an owner changes the role of an admin or owner, or removes one.</p> : null}
      </section>
      {isAdmin && invitations.length > 0 ? (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading" className="text-sm font-semibold">Pending invitations</h2>
          <ul className="mt-3 divide-y divide-border rounded-xl border border-border bg-surface">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm">
                <span className="min-w-0 flex-1 truncate">{invitation.email}</span>
                <span className="text-muted">{ROLE_LABELS[invitation.role]} · expires <RelativeTime at={invitation.expiresAt} /></span>
                <Button size="sm" variant="ghost" disabled={busy} aria-label={`Revoke the invitation for ${invitation.email}`}
                  onClick={() => start(async () => {
                    const result = await revokeInvitationAction(teamId, invitation.id);
                    if (!result.ok) toast.error(result.message);
                  })}>
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
