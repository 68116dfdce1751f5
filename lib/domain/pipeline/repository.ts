import type { PipelineEvent, Provider } from "./types";

/**
 * Which deliveries an integration accepts: its optional repository filter
 * against the delivery's source (`repository` / `repositoryId` from the
 * normalizers). Pure; comparisons ignore case.
 */

const VCS_PREFIXES: Record<string, string> = { gh: "github", bb: "bitbucket" };

/**
 * The canonical form of a filter as an admin types it: a repository URL
 * (`https://github.com/acme/shop.git`) becomes its path (`acme/shop`);
 * CircleCI's short VCS prefixes (`gh/acme/shop`) become the long ones
 * (`github/acme/shop`); surrounding slashes and spaces go. Idempotent.
 */
export function normalizeRepositoryFilter(input: string): string {
  let value = input.trim();
  if (/^https?:\/\//i.test(value)) {
    try {
      value = new URL(value).pathname;
    } catch {
      // Not a URL after all: keep the text as typed.
    }
  }
  value = value.replace(/^\/+|\/+$/g, "").replace(/\.git$/i, "");
  const [first, ...rest] = value.split("/");
  const long = first === undefined ? undefined : VCS_PREFIXES[first.toLowerCase()];
  return long !== undefined && rest.length >= 2 ? [long, ...rest].join("/") : value;
}

/**
 * Invariants:
 * - No filter (`null` or empty) accepts every delivery, even one without a source.
 * - A filter that is all digits also matches the source's numeric id
 *   (GitLab project id `4242`).
 * - GitHub, GitLab, generic: the filter equals the repository path.
 * - CircleCI: the filter equals the project slug (`github/acme/shop`) or the
 *   slug without its VCS prefix (`acme/shop`); `gh/…` equals `github/…`.
 * - A delivery without a source never matches a filter.
 */
export function matchesRepository(
  filter: string | null,
  provider: Provider,
  source: Pick<PipelineEvent, "repository" | "repositoryId">,
): boolean {
  const wanted = filter === null ? "" : normalizeRepositoryFilter(filter).toLowerCase();
  if (wanted === "") return true;
  if (/^\d+$/.test(wanted) && source.repositoryId === wanted) return true;
  if (source.repository === null) return false;
  const repository = normalizeRepositoryFilter(source.repository).toLowerCase();
  if (repository === wanted) return true;
  return provider === "circleci" && repository.split("/").slice(1).join("/") === wanted;
}
