import { z } from "zod";

export const projectKeySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{1,9}$/, "A project key is 2–10 letters or digits and starts with a letter (e.g. DEMO).");

export const cardKeySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{1,9}-[1-9][0-9]{0,8}$/, "A card key looks like DEMO-12.");

export const idSchema = z.string().trim().min(1).max(64);

export const projectParams = z.object({ key: projectKeySchema });
export const cardParams = z.object({ cardKey: cardKeySchema });
export const idParams = z.object({ id: idSchema });
