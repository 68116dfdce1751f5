import { describe, expect, it } from "vitest";
import { grantableRoles, hasRole, memberChangeRefusal, type MemberChange, type TeamRole } from "./roles";

describe("hasRole", () => {
  const cases: Array<[TeamRole, TeamRole, boolean]> = [
    ["VIEWER", "VIEWER", true],
    ["VIEWER", "MEMBER", false],
    ["MEMBER", "MEMBER", true],
    ["MEMBER", "PRODUCT_OWNER", false],
    ["PRODUCT_OWNER", "MEMBER", true],
    ["PRODUCT_OWNER", "ADMIN", false],
    ["ADMIN", "PRODUCT_OWNER", true],
    ["OWNER", "ADMIN", true],
  ];
  it.each(cases)("%s meets %s → %s", (actual, required, expected) => {
    expect(hasRole(actual, required)).toBe(expected);
  });
});

describe("grantableRoles", () => {
  it.each<[TeamRole, TeamRole[]]>([
    ["OWNER", ["VIEWER", "MEMBER", "PRODUCT_OWNER", "ADMIN", "OWNER"]],
    ["ADMIN", ["VIEWER", "MEMBER", "PRODUCT_OWNER"]],
    ["PRODUCT_OWNER", []],
    ["MEMBER", []],
    ["VIEWER", []],
  ])("%s may grant %j", (actor, roles) => {
    expect(grantableRoles(actor)).toEqual(roles);
  });
});

describe("memberChangeRefusal", () => {
  const remove: MemberChange = { kind: "remove" };
  const to = (role: TeamRole): MemberChange => ({ kind: "role", to: role });
  const cases: Array<[string, TeamRole, TeamRole, MemberChange, number, string | null]> = [
    ["admin promotes a member to product owner", "ADMIN", "MEMBER", to("PRODUCT_OWNER"), 1, null],
    ["admin removes a viewer", "ADMIN", "VIEWER", remove, 1, null],
    ["admin demotes another admin", "ADMIN", "ADMIN", to("MEMBER"), 1, "FORBIDDEN"],
    ["admin removes another admin", "ADMIN", "ADMIN", remove, 1, "FORBIDDEN"],
    ["admin makes a member an admin", "ADMIN", "MEMBER", to("ADMIN"), 1, "FORBIDDEN"],
    ["admin touches the owner", "ADMIN", "OWNER", to("MEMBER"), 2, "FORBIDDEN"],
    ["product owner removes a member", "PRODUCT_OWNER", "MEMBER", remove, 1, "FORBIDDEN"],
    ["owner demotes an admin", "OWNER", "ADMIN", to("MEMBER"), 1, null],
    ["owner removes an admin", "OWNER", "ADMIN", remove, 1, null],
    ["owner makes an admin an owner", "OWNER", "ADMIN", to("OWNER"), 1, null],
    ["the last owner is demoted", "OWNER", "OWNER", to("ADMIN"), 1, "LAST_OWNER"],
    ["the last owner is removed", "OWNER", "OWNER", remove, 1, "LAST_OWNER"],
    ["one of two owners is demoted", "OWNER", "OWNER", to("ADMIN"), 2, null],
    ["one of two owners is removed", "OWNER", "OWNER", remove, 2, null],
    ["an owner stays owner", "OWNER", "OWNER", to("OWNER"), 1, null],
  ];
  it.each(cases)("%s", (_name, actor, target, change, owners, expected) => {
    expect(memberChangeRefusal(actor, target, change, owners)?.code ?? null).toBe(expected);
  });
});
