"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { acceptInvitationAction } from "@/lib/actions/workspace";

export function AcceptInvitation({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="mt-6">
      <Button variant="primary" loading={pending} onClick={() => start(async () => { const r = await acceptInvitationAction(token); if (r && !r.ok) setError(r.message); })}>
        Accept invitation
      </Button>
      {error ? <p role="alert" className="mt-3 text-sm text-danger">{error}</p> : null}
    </div>
  );
}
