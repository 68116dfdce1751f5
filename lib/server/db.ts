import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { currentDatabase } from "./database";

/**
 * The Prisma client of the process-wide database. A proxy so importers need no async set-up: the
 * server opens the database before it serves, and tests install their own with `setDatabase`.
 */
export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const prisma = currentDatabase().prisma;
    const value = Reflect.get(prisma, property);
    return typeof value === "function" ? value.bind(prisma) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
