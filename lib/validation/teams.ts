import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";
import { emailSchema } from "./auth";
import { idSchema } from "./common";

export const roleSchema = z.enum(ROLES);
export const teamNameSchema = z.string().trim().min(1, "Give the team a name.").max(100);
export const createTeamSchema = z.object({ name: teamNameSchema }).strict();
export const renameTeamSchema = createTeamSchema;
export const teamParams = z.object({ teamId: idSchema });
export const teamInvitationParams = z.object({ teamId: idSchema, id: idSchema });
export const teamMemberParams = z.object({ teamId: idSchema, userId: idSchema });
export const inviteSchema = z
  .object({ email: emailSchema, role: roleSchema.exclude(["OWNER"]).default("MEMBER") })
  .strict();
export const changeRoleSchema = z.object({ role: roleSchema }).strict();
export const createTokenSchema = z.object({ name: z.string().trim().min(1, "Name the token.").max(100) }).strict();
