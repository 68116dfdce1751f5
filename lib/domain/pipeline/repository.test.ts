import { describe, expect, it } from "vitest";
import { matchesRepository, normalizeRepositoryFilter } from "./repository";

describe("normalizeRepositoryFilter", () => {
  it.each([
    ["acme/shop", "acme/shop"],
    ["  /acme/shop/ ", "acme/shop"],
    ["https://github.com/acme/shop.git", "acme/shop"],
    ["https://gitlab.example.com/group/sub/shop", "group/sub/shop"],
    ["gh/acme/shop", "github/acme/shop"],
    ["BB/acme/shop", "bitbucket/acme/shop"],
    ["gh/shop", "gh/shop"],
    ["4242", "4242"],
  ])("%j -> %j", (input, expected) => {
    expect(normalizeRepositoryFilter(input)).toBe(expected);
    expect(normalizeRepositoryFilter(expected)).toBe(expected);
  });
});

describe("matchesRepository", () => {
  const source = (repository: string | null, repositoryId: string | null = null) => ({ repository, repositoryId });

  it.each([
    [null, "github", source(null), true],
    ["", "github", source("other/repo"), true],
    ["acme/shop", "github", source("Acme/Shop"), true],
    ["acme/shop", "github", source("acme/shop-legacy"), false],
    ["acme/shop", "github", source(null), false],
    ["acme/shop", "gitlab", source("acme/shop", "4242"), true],
    ["4242", "gitlab", source(null, "4242"), true],
    ["4242", "gitlab", source("acme/shop", "4243"), false],
    ["github/acme/shop", "circleci", source("github/acme/shop"), true],
    ["acme/shop", "circleci", source("github/acme/shop"), true],
    ["gh/acme/shop", "circleci", source("github/acme/shop"), true],
    ["acme/shop", "circleci", source("github/other/shop"), false],
    ["shop", "circleci", source("github/acme/shop"), false],
    ["acme/shop", "generic", source("acme/shop"), true],
    ["acme/shop", "generic", source(null), false],
  ] as const)("filter %j, %s %j -> %s", (filter, provider, src, expected) => {
    expect(matchesRepository(filter, provider, src)).toBe(expected);
  });
});
