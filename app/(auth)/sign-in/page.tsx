import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { githubSignInEnabled } from "@/lib/server/auth";
import { requestOrigin } from "@/lib/server/request-origin";
import { sessionActor } from "@/lib/server/session";
import { safeCallbackPath } from "@/lib/validation/callback-url";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const safeCallback = safeCallbackPath(callbackUrl, await requestOrigin());
  if (await sessionActor()) redirect(safeCallback);
  return (
    <div className="rounded-xl border border-border bg-surface p-6 shadow-raised">
      <h1 className="text-xl font-semibold text-foreground">Sign in</h1>
      <p className="mt-1 text-sm text-muted">Welcome back. Your board is waiting.</p>
      <SignInForm callbackUrl={safeCallback} github={githubSignInEnabled} initialError={typeof error === "string" ? error : undefined} />
      <p className="mt-6 text-center text-sm text-muted">
        New to Shipboard?{" "}
        <Link href="/sign-up" className="font-medium text-accent hover:underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}
