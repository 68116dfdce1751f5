import { describe, expect, it } from "vitest";
import { redactUrl } from "./redact-url";

describe("redactUrl", () => {
  const cases: Array<[string, string, string]> = [
    ["an invitation link", "/invite/inv_Ab3-x_9", "/invite/[redacted]"],
    ["an invitation link with a query", "/invite/inv_Ab3?x=1", "/invite/[redacted]?x=1"],
    ["a callbackUrl leading to an invitation", "/sign-in?callbackUrl=%2Finvite%2Finv_Ab3", "/sign-in?callbackUrl=%2Finvite%2F[redacted]"],
    ["an OAuth callback's code and state", "/api/auth/callback/github?code=abc123&state=xyz", "/api/auth/callback/github?code=[redacted]&state=[redacted]"],
    ["an API token in a query", "/api/v1/me?access_token=sb_secret", "/api/v1/me?access_token=[redacted]"],
    ["an API token under another name", "/api/v1/me?t=sb_secret", "/api/v1/me?t=[redacted]"],
  ];
  it.each(cases)("redacts %s", (_name, url, expected) => {
    expect(redactUrl(url)).toBe(expected);
    expect(redactUrl(url)).not.toMatch(/inv_|sb_|abc123|xyz/);
  });

  it("leaves ordinary addresses as they are", () => {
    for (const url of ["/ACME/board", "/ACME/board?assignee=me&type=bug", "/api/v1/cards/ACME-1", "/sign-in?callbackUrl=%2Fsettings%2Ftokens", "/ACME/backlog?q=fix+login%20page"]) expect(redactUrl(url)).toBe(url);
  });
});
