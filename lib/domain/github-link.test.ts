import { describe, expect, it } from "vitest";
import { decideGithubLink, verifiedPrimaryEmail, type GithubLinkDecision, type GithubLinkFacts } from "./github-link";

const none: GithubLinkFacts = { linkedUserId: null, signedInUserId: null, verifiedPrimaryEmail: null, emailOwnerId: null };

describe("decideGithubLink", () => {
  const cases: Array<[string, Partial<GithubLinkFacts>, GithubLinkDecision]> = [
    ["a linked GitHub id signs in to its account", { linkedUserId: "u1" }, { kind: "sign-in", userId: "u1" }],
    ["… also while that account is signed in", { linkedUserId: "u1", signedInUserId: "u1" }, { kind: "sign-in", userId: "u1" }],
    ["… but not while another account is signed in", { linkedUserId: "u1", signedInUserId: "u2" }, { kind: "refuse", reason: "LINKED_ELSEWHERE" }],
    ["signed in: an unlinked GitHub id is linked to that account", { signedInUserId: "u2", verifiedPrimaryEmail: "a@example.com", emailOwnerId: "u9" }, { kind: "link", userId: "u2" }],
    ["signed out, an email match does not link", { verifiedPrimaryEmail: "owner@example.com", emailOwnerId: "u1" }, { kind: "refuse", reason: "EMAIL_IN_USE" }],
    ["signed out, no verified primary email: refused", {}, { kind: "refuse", reason: "NO_VERIFIED_EMAIL" }],
    ["signed out, a new verified email: a new account", { verifiedPrimaryEmail: "new@example.com" }, { kind: "create", email: "new@example.com" }],
  ];
  it.each(cases)("%s", (_name, facts, expected) => {
    expect(decideGithubLink({ ...none, ...facts })).toEqual(expected);
  });
});

describe("verifiedPrimaryEmail", () => {
  it.each([
    ["the verified primary", [{ email: "Other@x.com", primary: false, verified: true }, { email: "Me@X.com", primary: true, verified: true }], "me@x.com"],
    ["an unverified primary, even with a verified secondary", [{ email: "me@x.com", primary: true, verified: false }, { email: "b@x.com", primary: false, verified: true }], null],
    ["no primary", [{ email: "b@x.com", primary: false, verified: true }], null],
    ["not a list", { message: "Bad credentials" }, null],
  ])("%s", (_name, emails, expected) => {
    expect(verifiedPrimaryEmail(emails)).toBe(expected);
  });
});
