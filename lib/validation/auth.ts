import { z } from "zod";

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address.").max(254);

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200),
});

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: emailSchema,
  password: z.string().min(8, "Use at least 8 characters.").max(200),
  /** The new person's own team; absent when they sign up to accept an invitation. */
  teamName: z.string().trim().min(1, "Name your team.").max(100).optional(),
});
