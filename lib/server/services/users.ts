import "server-only";
import { db } from "../db";
import { decideGithubLink } from "@/lib/domain/github-link";
import { AppError } from "../errors";
import { hashPassword } from "../passwords";
import { createTeamWithOwner } from "./teams";

/**
 * Signs a person up, with a team of their own when they name one (someone joining by invitation
 * needs none). The answer is the same whether or not the email is already registered, and the
 * password is hashed either way, so neither the answer nor its timing tells; a registered email
 * is left untouched. Whether the account is theirs shows only when they sign in, as on sign-in.
 */
export async function signUp(input: { name: string; email: string; password: string; teamName?: string }): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  try {
    await db.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) return;
      const user = await tx.user.create({ data: { name: input.name, email: input.email, passwordHash }, select: { id: true } });
      if (input.teamName) await createTeamWithOwner(tx, input.teamName, user.id);
    });
  } catch (error) {
    // The same email signed up at the same moment: the other request created it.
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
}

/**
 * GitHub sign-in, by decideGithubLink: the linked account, a link to the account signed in here, or
 * a new account with a personal team for a verified primary email no one has. Refusals are 403s.
 */
export async function ensureUserForGithub(input: { githubId: string; verifiedEmail: string | null; name?: string | null; signedInUserId: string | null }) {
  const [linked, emailOwner] = await Promise.all([
    db.user.findUnique({ where: { githubId: input.githubId }, select: { id: true } }),
    input.verifiedEmail ? db.user.findUnique({ where: { email: input.verifiedEmail }, select: { id: true } }) : null,
  ]);
  const decision = decideGithubLink({ linkedUserId: linked?.id ?? null, signedInUserId: input.signedInUserId, verifiedPrimaryEmail: input.verifiedEmail, emailOwnerId: emailOwner?.id ?? null });
  switch (decision.kind) {
    case "sign-in":
      return { id: decision.userId };
    case "link":
      return db.user.update({ where: { id: decision.userId }, data: { githubId: input.githubId }, select: { id: true } });
    case "refuse":
      throw new AppError(decision.reason, GITHUB_REFUSALS[decision.reason], 403);
    case "create": {
      const name = input.name ?? decision.email;
      return db.$transaction(async (tx) => {
        const user = await tx.user.create({ data: { email: decision.email, name, githubId: input.githubId }, select: { id: true } });
        await createTeamWithOwner(tx, `${name.split(" ")[0]}'s team`, user.id);
        return user;
      });
    }
  }
}

const GITHUB_REFUSALS = {
  LINKED_ELSEWHERE: "This GitHub account is linked to another Shipboard account.",
  NO_VERIFIED_EMAIL: "Your GitHub account has no verified primary email.",
  EMAIL_IN_USE: "An account with your GitHub email exists: sign in with its password, then continue with GitHub to connect it.",
} as const;
