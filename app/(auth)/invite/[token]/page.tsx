import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitation } from "@/components/auth/accept-invitation";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { AppError } from "@/lib/server/errors";
import { findInvitation } from "@/lib/server/services/teams";
import { sessionActor } from "@/lib/server/session";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitation(token).catch((error) => (error instanceof AppError ? error : Promise.reject(error)));
  const panel = "rounded-xl border border-border bg-surface p-6 shadow-raised";
  if (invitation instanceof AppError) {
    return (
      <div className={panel}>
        <h1 className="text-xl font-semibold">Invitation unavailable</h1>
        <p className="mt-2 text-sm text-muted">{invitation.message}</p>
      </div>
    );
  }
  const signedIn = Boolean(await sessionActor());
  const back = encodeURIComponent(`/invite/${token}`);
  return (
    <div className={panel}>
      <h1 className="text-xl font-semibold">Join {invitation.team.name}</h1>
      <p className="mt-2 text-sm text-muted">You were invited as <strong>{ROLE_LABELS[invitation.role]}</strong> ({invitation.email}).</p>
      {signedIn ? (
        <AcceptInvitation token={token} />
      ) : (
        <p className="mt-6 text-sm">
          <Link className="font-medium text-accent underline" href={`/sign-in?callbackUrl=${back}`}>Sign in</Link> or{" "}
          <Link className="font-medium text-accent underline" href={`/sign-up?callbackUrl=${back}`}>create an account</Link> to accept.
        </p>
      )}
    </div>
  );
}
