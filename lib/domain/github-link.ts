// Which Shipboard account a GitHub sign-in belongs to (Auth.js's guidance on account linking): an
// email match alone never links, since whoever controls a GitHub account with that address would
// take over the password account. Linking needs the person signed in to the existing account.

export type GithubLinkFacts = {
  /** The account this GitHub id is already linked to. */
  linkedUserId: string | null;
  /** The account signed in on this browser while it went through GitHub. */
  signedInUserId: string | null;
  /** GitHub's primary email, only when GitHub marks it verified. */
  verifiedPrimaryEmail: string | null;
  /** The account that has that email, if any. */
  emailOwnerId: string | null;
};

export type GithubLinkDecision =
  | { kind: "sign-in"; userId: string }
  | { kind: "link"; userId: string }
  | { kind: "create"; email: string }
  | { kind: "refuse"; reason: "LINKED_ELSEWHERE" | "NO_VERIFIED_EMAIL" | "EMAIL_IN_USE" };

/**
 * - A linked GitHub id signs in to its account (refused when another account is signed in here).
 * - Signed in, an unlinked GitHub id is linked to that account: being signed in proves ownership.
 * - Signed out, a new account is created only for a verified primary email no account has;
 *   an email already in use must sign in with its password first, then connect GitHub.
 */
export function decideGithubLink(facts: GithubLinkFacts): GithubLinkDecision {
  if (facts.linkedUserId) {
    if (facts.signedInUserId && facts.signedInUserId !== facts.linkedUserId) return { kind: "refuse", reason: "LINKED_ELSEWHERE" };
    return { kind: "sign-in", userId: facts.linkedUserId };
  }
  if (facts.signedInUserId) return { kind: "link", userId: facts.signedInUserId };
  if (!facts.verifiedPrimaryEmail) return { kind: "refuse", reason: "NO_VERIFIED_EMAIL" };
  if (facts.emailOwnerId) return { kind: "refuse", reason: "EMAIL_IN_USE" };
  return { kind: "create", email: facts.verifiedPrimaryEmail };
}

type GithubEmail = { email: string; primary: boolean; verified: boolean };

/** The primary address from GitHub's `GET /user/emails`, when verified; lower-cased. */
export function verifiedPrimaryEmail(emails: unknown): string | null {
  if (!Array.isArray(emails)) return null;
  const primary = (emails as GithubEmail[]).find((entry) => entry && entry.primary === true);
  return primary?.verified === true && typeof primary.email === "string" ? primary.email.toLowerCase() : null;
}
