import "server-only";
// The team a user is looking at: a cookie, falling back to their first team.
import { cookies } from "next/headers";
import type { Actor } from "./authenticate";
import { listTeams } from "./queries/projects";

export const TEAM_COOKIE = "sb_team";

export async function currentTeam(actor: Actor) {
  const teams = await listTeams(actor);
  const chosen = (await cookies()).get(TEAM_COOKIE)?.value;
  return { teams, team: teams.find((team) => team.id === chosen) ?? teams[0] ?? null };
}
