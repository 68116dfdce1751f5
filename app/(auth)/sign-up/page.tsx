import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create your account" };
export const dynamic = "force-dynamic";

/** Only an invitation link is followed after signing up; anything else goes to the projects. */
const INVITATION_PATH = /^\/invite\/[A-Za-z0-9_-]{1,200}$/;

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const requested = (await searchParams).callbackUrl;
  const invitation = typeof requested === "string" && INVITATION_PATH.test(requested) ? requested : null;
  const signIn = invitation ? `/sign-in?callbackUrl=${encodeURIComponent(invitation)}` : "/sign-in";
  return (
    <div className="rounded-xl border border-border bg-surface p-6 shadow-raised">
      <h1 className="text-xl font-semibold text-foreground">Create your account</h1>
      <p className="mt-1 text-sm text-muted">{invitation ? "Then accept the invitation to join your team." : "You get a team of your own; invite the others later."}</p>
      <SignUpForm callbackUrl={invitation ?? "/projects"} invited={Boolean(invitation)} />
      <p className="mt-6 text-center text-sm text-muted">
        Already have an account?{" "}
        <Link href={signIn} className="font-medium text-accent hover:underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
