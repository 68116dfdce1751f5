export const ROLES = ["VIEWER", "MEMBER", "PRODUCT_OWNER", "ADMIN", "OWNER"] as const;
export type TeamRole = (typeof ROLES)[number];

/** Roles from least to most powerful: a check for a role admits every role above it. */
export function hasRole(actual: TeamRole, required: TeamRole): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

export const ROLE_LABELS: Record<TeamRole, string> = {
  VIEWER: "Viewer",
  MEMBER: "Member",
  PRODUCT_OWNER: "Product owner",
  ADMIN: "Admin",
  OWNER: "Owner",
};

/**
 * The roles `actor` may give (by invitation or a role change). Admins manage people below them;
 * only owners grant admin or owner, so an admin cannot raise someone they could not later manage.
 */
export function grantableRoles(actor: TeamRole): TeamRole[] {
  if (actor === "OWNER") return [...ROLES];
  if (actor === "ADMIN") return ROLES.filter((role) => !hasRole(role, "ADMIN"));
  return [];
}

export type MemberChange = { kind: "role"; to: TeamRole } | { kind: "remove" };
export type MemberChangeRefusal = { code: "FORBIDDEN" | "LAST_OWNER"; message: string };

/**
 * Whether `actor` may apply `change` to a member whose role is `target`, given how many owners the
 * team has. Invariants: only admins and owners manage people; an admin's or owner's role and
 * membership are changed only by an owner; a team always keeps at least one owner.
 * Returns null when allowed.
 */
export function memberChangeRefusal(actor: TeamRole, target: TeamRole, change: MemberChange, ownerCount: number): MemberChangeRefusal | null {
  if (!hasRole(actor, "ADMIN")) return { code: "FORBIDDEN", message: "Only admins and owners manage members." };
  if (hasRole(target, "ADMIN") && actor !== "OWNER") {
    return { code: "FORBIDDEN", message: `Only an owner can ${change.kind === "remove" ? "remove" : "change the role of"} an ${ROLE_LABELS[target].toLowerCase()}.` };
  }
  if (change.kind === "role" && !grantableRoles(actor).includes(change.to)) {
    return { code: "FORBIDDEN", message: `Only an owner can make someone ${change.to === "OWNER" ? "an owner" : "an admin"}.` };
  }
  const losesOwner = target === "OWNER" && (change.kind === "remove" || change.to !== "OWNER");
  if (losesOwner && ownerCount <= 1) return { code: "LAST_OWNER", message: "A team needs at least one owner: make someone else an owner first." };
  return null;
}
