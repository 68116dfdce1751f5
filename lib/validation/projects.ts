import { z } from "zod";
import { projectKeySchema } from "./common";
import { importFileSchema, importMappingSchema } from "./imports";

export const boardModeSchema = z.enum(["scrum", "kanban"]);
export const wipModeSchema = z.enum(["hard", "soft"]);

export const createProjectSchema = z
  .object({
    key: projectKeySchema,
    name: z.string().trim().min(1, "Give the project a name.").max(100),
    teamId: z.string().min(1).max(64),
    description: z.string().max(5000).optional(),
    mode: boardModeSchema.optional(),
    /** "New project from a Trello board": the project gets the file's columns and the import is queued. */
    import: importFileSchema.extend({ mapping: importMappingSchema.omit({ columns: true }).optional() }).strict().optional(),
  })
  .strict();
export type CreateProjectInput = z.output<typeof createProjectSchema>;
