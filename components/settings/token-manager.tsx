"use client";
import { Copy, KeyRound } from "lucide-react";
import { useActionState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createTokenAction, revokeTokenAction } from "@/lib/actions/workspace";
import { RelativeTime } from "@/components/ui/relative-time";

type Token = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

export function TokenManager({ tokens }: { tokens: Token[] }) {
  const [state, action, pending] = useActionState(createTokenAction, null);
  const [revoking, startRevoke] = useTransition();
  const created = state?.ok ? state.data : null;
  return (
    <div className="mt-6 flex flex-col gap-6">
      <form action={action} className="flex items-end gap-3 rounded-xl border border-border bg-surface p-4">
        <Field label="Token name" name="name" required error={state && !state.ok ? state.fieldErrors?.name : null} className="flex-1">
          {(props) => <Input {...props} placeholder="e.g. GitHub Actions on acme/shop" />}
        </Field>
        <Button type="submit" variant="primary" loading={pending} className="mb-[1.125rem]">Create token</Button>
      </form>
      {created ? (
        <div role="status" className="rounded-xl border border-success bg-success-subtle p-4">
          <p className="text-sm font-semibold">Copy “{created.name}” now — it will not be shown again.</p>
          <div className="mt-2 flex items-center gap-2">
            <code data-testid="new-token" className="flex-1 overflow-x-auto rounded bg-surface px-2 py-1.5 font-mono text-sm">{created.token}</code>
            <Button size="sm" onClick={() => navigator.clipboard.writeText(created.token).then(() => toast.success("Copied"))}>
              <Copy aria-hidden /> Copy
            </Button>
          </div>
        </div>
      ) : null}
      {tokens.length === 0 ? (
        <div className="flex flex-col items-center rounded-xl border border-dashed border-border px-6 py-10 text-center">
          <KeyRound aria-hidden className="size-8 text-muted" />
          <p className="mt-2 text-sm text-muted">No tokens yet. Create one for each script or CI pipeline, so you can revoke them one by one.</p>
        </div>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-muted">
            <tr><th className="py-2 font-medium">Name</th><th className="font-medium">Token</th><th className="font-medium">Last used</th><th className="font-medium"><span className="sr-only">Actions</span></th></tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} className="border-t border-border">
                <td className="py-2.5 font-medium">{token.name}</td>
                <td className="font-mono text-xs text-muted">{token.prefix}…</td>
                <td className="text-muted">{token.revokedAt ? "Revoked" : token.lastUsedAt ? <RelativeTime at={token.lastUsedAt} /> : "Never"}</td>
                <td className="text-right">
                  {token.revokedAt ? null : (
                    <Button size="sm" variant="ghost" disabled={revoking} aria-label={`Revoke ${token.name}`}
                      onClick={() => startRevoke(async () => { const r = await revokeTokenAction(token.id); toast[r.ok ? "success" : "error"](r.ok ? "Token revoked" : r.message); })}>
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
