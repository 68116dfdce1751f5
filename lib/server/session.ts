import "server-only";
// The signed-in user for pages and server actions (API routes use `authenticate(req)` instead).
import { redirect } from "next/navigation";
import type { Actor } from "./authenticate";
import { auth } from "./auth";

/** The session's actor, or null when signed out (auth() already refuses ended sessions and deleted users). */
export async function sessionActor(): Promise<Actor | null> {
  const userId = (await auth())?.user?.id;
  return userId ? { userId, via: "session" } : null;
}

/** The session's actor; redirects to sign-in when there is none. */
export async function currentActor(): Promise<Actor> {
  const actor = await sessionActor();
  if (!actor) redirect("/sign-in");
  return actor;
}
