/** Which deployment environments count as production (issue 14). */

export const DEFAULT_PRODUCTION_ENVIRONMENTS = ["production", "prod", "live"] as const;

const normalize = (name: string) => name.trim().toLowerCase();

/**
 * Whether an environment is production: the provider says its tier is `production` (GitHub and
 * GitLab), or its name is one of the project's production names (the defaults when the project
 * named none). Names compare case-insensitively; the tier counts whatever the project's names,
 * because the provider's own setting is the more specific statement.
 */
export function isProductionEnvironment(environment: { name: string; tier: string | null }, projectNames: readonly string[] | null): boolean {
  if (environment.tier !== null && normalize(environment.tier) === "production") return true;
  const names = projectNames?.length ? projectNames : DEFAULT_PRODUCTION_ENVIRONMENTS;
  return names.some((name) => normalize(name) === normalize(environment.name));
}
