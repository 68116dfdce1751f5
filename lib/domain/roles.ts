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
