import "server-only";
// The signed-in user for pages and server actions (API routes use `authenticate(req)` instead).
import { redirect } from "next/navigation";
import type { Actor } from "./authenticate";
import { auth } from "./auth";
import { db } from "./db";

/** The session's actor, or null when signed out (or the user no longer exists). */
export async function sessionActor(): Promise<Actor | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  return user ? { userId: user.id, via: "session" } : null;
}

/** The session's actor; redirects to sign-in when there is none. */
export async function currentActor(): Promise<Actor> {
  const actor = await sessionActor();
  if (!actor) redirect("/sign-in");
  return actor;
}
