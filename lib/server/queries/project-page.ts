import "server-only";
// Loads a project for a page: its access and summary, or Next's 404 page when the user may not see it.
import { notFound } from "next/navigation";
import { cache } from "react";
import { AppError } from "../errors";
import { currentActor } from "../session";
import { getProject } from "./projects";

export const projectForPage = cache(async (projectKey: string) => {
  const actor = await currentActor();
  try {
    return { actor, project: await getProject(actor, projectKey) };
  } catch (error) {
    if (error instanceof AppError && (error.status === 404 || error.status === 422)) notFound();
    throw error;
  }
});
