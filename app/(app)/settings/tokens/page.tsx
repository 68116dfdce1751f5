import type { Metadata } from "next";
import { TokenManager } from "@/components/settings/token-manager";
import { listApiTokens } from "@/lib/server/services/api-tokens";
import { currentActor } from "@/lib/server/session";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const tokens = await listApiTokens(await currentActor());
  return (
    <main className="mx-auto w-full max-w-3xl px-8 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">API tokens</h1>
      <p className="mt-1 text-sm text-muted">
        Personal tokens let scripts and CI call the <a className="text-accent underline" href="/api/v1/openapi.json">REST API</a> as you:{" "}
        <code className="rounded bg-surface-2 px-1 text-xs">Authorization: Bearer sb_…</code>. A token is shown once; store it in your CI secrets.
      </p>
      <TokenManager tokens={tokens} />
    </main>
  );
}
