import { normalizeCircleci } from "./circleci";
import { normalizeGeneric } from "./generic";
import { normalizeGithub } from "./github";
import { normalizeGitlab } from "./gitlab";
import type { NormalizeOptions, NormalizedDelivery, Provider } from "./types";

const NORMALIZERS: Record<Provider, (event: string, body: unknown, options: NormalizeOptions) => NormalizedDelivery> = {
  github: normalizeGithub,
  gitlab: normalizeGitlab,
  circleci: normalizeCircleci,
  generic: normalizeGeneric,
};

/**
 * Turns one already-authenticated delivery into a domain value.
 *
 * - `event` is the provider's event header (`X-GitHub-Event`,
 *   `X-Gitlab-Event`, `Circleci-Event-Type`, optional `X-Shipboard-Event`);
 *   pass "" when it is missing.
 * - `body` is the parsed JSON; it is validated here, so callers need not.
 * - Pure and total: never throws, never reads the clock. Pings, unused events
 *   and malformed bodies come back as `{ kind: "ignored" }` with a code.
 * - Card keys are not resolved here: run `findCardKeys(delivery.keyTexts, …)`
 *   once the delivery's `repository`/`repositoryId` is known to be mapped.
 */
export function normalizeDelivery(
  provider: Provider,
  event: string,
  body: unknown,
  options: NormalizeOptions = {},
): NormalizedDelivery {
  return NORMALIZERS[provider](event, body, options);
}
