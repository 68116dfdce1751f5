import "server-only";
// Auth.js v5: email + password (bcrypt), GitHub OAuth when configured; JWT sessions so any
// instance can verify them without a session table.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { cache } from "react";
import { signInSchema } from "@/lib/validation/auth";
import { safeCallbackPath } from "@/lib/validation/callback-url";
import { parseInput } from "@/lib/validation/common";
import { verifiedPrimaryEmail } from "@/lib/domain/github-link";
import { db } from "./db";
import { AppError } from "./errors";
import { logger } from "./logger";
import { DUMMY_HASH, verifyPassword } from "./passwords";
import { clientAddress, recordSuccessfulSignIn } from "./sign-in-throttle";
import { activeSessionUser, endSession, newSessionClaims } from "./sessions";
import { ensureUserForGithub } from "./services/users";

const githubConfigured = Boolean(process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET);

export const { handlers, auth: uncachedAuth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt" },
  trustHost: true,
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong password is an expected outcome, not an error worth a stack trace.
    error: (error) => !(error instanceof CredentialsSignin) && logger.error({ err: error }, "auth error"),
    warn: (code) => logger.warn({ code }, "auth warning"),
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = parseInput(signInSchema, credentials);
        if (!parsed.success) throw new CredentialsSignin();
        const { email, password } = parsed.data;
        const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
        const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
        // The attempt was counted before this check (see the credentials route): a failure adds nothing.
        if (!user || !user.passwordHash || !valid) throw new CredentialsSignin();
        await recordSuccessfulSignIn(email, clientAddress(request));
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    ...(githubConfigured ? [GitHub] : []),
  ],
  events: {
    // Sign-out ends the session on the server too: a copy of the cookie no longer works.
    signOut: async (message) => void ("token" in message && (await endSession(message.token))),
  },
  callbacks: {
    // Redirects after signing in or out follow the sign-in page's rule: a path on this app only.
    redirect: ({ url, baseUrl }) => new URL(safeCallbackPath(url, baseUrl), baseUrl).toString(),
    async signIn({ account, profile, user }) {
      if (account?.provider !== "github") return true;
      try {
        const linked = await ensureUserForGithub({
          githubId: String(profile?.id ?? account.providerAccountId),
          verifiedEmail: await githubVerifiedEmail(account.access_token),
          name: user.name,
          signedInUserId: (await uncachedAuth())?.user?.id ?? null,
        });
        user.id = linked.id;
        return true;
      } catch (error) {
        if (error instanceof AppError) return `/sign-in?error=${error.code}`;
        throw error;
      }
    },
    // Every check of a session re-reads the user: a session signed out (here or everywhere) or
    // of a deleted user is null, which Auth.js treats as signed out and clears.
    async jwt({ token, user }) {
      if (user?.id) return { ...token, sub: user.id, ...(await newSessionClaims(user.id)) };
      return (await activeSessionUser(token)) ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});

/** GitHub's verified primary email (the profile's `email` may be any public, unverified address). */
async function githubVerifiedEmail(accessToken: string | undefined): Promise<string | null> {
  if (!accessToken) return null;
  const res = await fetch("https://api.github.com/user/emails", { headers: { authorization: `Bearer ${accessToken}`, accept: "application/vnd.github+json", "user-agent": "Shipboard" } });
  return res.ok ? verifiedPrimaryEmail(await res.json()) : null;
}

export const auth = cache(uncachedAuth);
export const githubSignInEnabled = githubConfigured;
