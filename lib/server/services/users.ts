import "server-only";
import { db } from "../db";
import { conflict } from "../errors";
import { hashPassword } from "../passwords";
import { createTeamWithOwner } from "./teams";

/** Signs a person up with a personal team they own, so they can create a project at once. */
export async function signUp(input: { name: string; email: string; password: string }) {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw conflict("EMAIL_TAKEN", "An account with this email already exists. Sign in instead.");
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { name: input.name, email: input.email, passwordHash }, select: { id: true, email: true } });
    await createTeamWithOwner(tx, `${input.name.split(" ")[0]}'s team`, user.id);
    return user;
  });
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
