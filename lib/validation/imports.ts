import { z } from "zod";
import { IMPORT_SOURCES } from "@/lib/domain/import";

/** Largest file an import reads: 100 MB (real board exports stay far below it). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

const category = z.enum(["TODO", "IN_PROGRESS", "DONE"]);
export const importMappingSchema = z
  .object({
    columns: z.record(z.string().max(200), z.object({ columnId: z.string().max(50).optional(), name: z.string().trim().min(1).max(60).optional(), category: category.optional() }).strict()).optional(),
    people: z.record(z.string().max(200), z.string().max(50).nullable()).optional(),
    definitionOfDone: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

// Multipart fields arrive as text: "true"/"false" and a JSON mapping are read here, at the boundary.
const formBoolean = z.preprocess((value) => (value === "true" ? true : value === "false" ? false : value), z.boolean());
const formJson = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => {
    if (typeof value !== "string") return value;
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }, schema);

const fileSize = (file: string | Blob) => (typeof file === "string" ? Buffer.byteLength(file) : file.size);

/** The file and how to read it, as an import and a new project from an import both take it. */
export const importFileSchema = z.object({
  source: z.enum(IMPORT_SOURCES),
  // Its text in a JSON body; a multipart upload arrives as a Blob read from disk (lib/server/multipart.ts).
  file: z
    .union([z.string(), z.instanceof(Blob)])
    .refine((file) => fileSize(file) > 0, "The file is empty.")
    .refine((file) => fileSize(file) <= MAX_IMPORT_BYTES, `The file is over the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit.`),
  fileName: z.string().max(255).optional(),
  includeArchived: formBoolean.default(false),
});

export const createImportSchema = importFileSchema.extend({
  dryRun: formBoolean.default(true),
  mapping: formJson(importMappingSchema).optional(),
});
export type CreateImportInput = z.output<typeof createImportSchema>;

export const exportQuery = z.object({ format: z.enum(["json", "csv"]).default("json") });
