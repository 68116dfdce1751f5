// Backdating for the demo seed: the services stamp what they write with the current time, so the
// seed runs each step through them and then moves the step's timestamps to when, in the demo's
// story, it happened. Steps run one at a time and in story order, each dated before the real now.
import { currentDatabase } from "@/lib/server/database";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Dates of the demo story: `daysAgo` days before `now`'s UTC day, at `hour` (UTC, may be fractional). */
export function demoCalendar(now: Date) {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return (daysAgo: number, hour: number) => new Date(today - daysAgo * DAY + hour * HOUR);
}

/**
 * Runs `work` through the services, then dates every row it stamped (with a time at or after the
 * step's real start) at `when`. Planned sprint dates are the caller's, so they are left alone.
 */
export async function happenedAt<T>(when: Date, work: () => Promise<T>): Promise<T> {
  const since = new Date();
  if (when >= since) throw new Error(`demo step dated in the future: ${when.toISOString()}`);
  const result = await work();
  const prisma = currentDatabase().prisma;
  const stamped = { gte: since };
  await prisma.$transaction([
    prisma.project.updateMany({ where: { createdAt: stamped }, data: { createdAt: when } }),
    prisma.column.updateMany({ where: { createdAt: stamped }, data: { createdAt: when } }),
    prisma.card.updateMany({ where: { createdAt: stamped }, data: { createdAt: when, updatedAt: when } }),
    prisma.card.updateMany({ where: { columnEnteredAt: stamped }, data: { columnEnteredAt: when, updatedAt: when } }),
    prisma.card.updateMany({ where: { completedAt: stamped }, data: { completedAt: when, updatedAt: when } }),
    prisma.card.updateMany({ where: { updatedAt: stamped }, data: { updatedAt: when } }),
    prisma.cardEvent.updateMany({ where: { at: stamped }, data: { at: when } }),
    prisma.sprint.updateMany({ where: { createdAt: stamped }, data: { createdAt: when } }),
    prisma.sprint.updateMany({ where: { startedAt: stamped }, data: { startedAt: when } }),
    prisma.sprint.updateMany({ where: { completedAt: stamped }, data: { completedAt: when } }),
    prisma.sprintScopeChange.updateMany({ where: { at: stamped }, data: { at: when } }),
    prisma.checklistItem.updateMany({ where: { doneAt: stamped }, data: { doneAt: when } }),
    prisma.integration.updateMany({ where: { createdAt: stamped }, data: { createdAt: when } }),
    prisma.webhookDelivery.updateMany({ where: { receivedAt: stamped }, data: { receivedAt: when, nextAttemptAt: when } }),
    prisma.webhookDelivery.updateMany({ where: { processedAt: stamped }, data: { processedAt: when } }),
    prisma.realtimeEvent.updateMany({ where: { createdAt: stamped }, data: { createdAt: when } }),
  ]);
  return result;
}
