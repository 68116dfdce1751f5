import "server-only";
import { db } from "../db";
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

/** GitHub sign-in: link to the account with the same email, or create one with a personal team. */
export async function ensureUserForGithub(input: { githubId: string; email?: string | null; name?: string | null }) {
  const byGithub = await db.user.findUnique({ where: { githubId: input.githubId }, select: { id: true } });
  if (byGithub) return byGithub;
  const email = (input.email ?? `${input.githubId}@users.noreply.github.com`).toLowerCase();
  const byEmail = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (byEmail) return db.user.update({ where: { id: byEmail.id }, data: { githubId: input.githubId }, select: { id: true } });
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, name: input.name ?? email, githubId: input.githubId }, select: { id: true } });
    await createTeamWithOwner(tx, `${(input.name ?? email).split(" ")[0]}'s team`, user.id);
    return user;
  });
}
