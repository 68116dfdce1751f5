import type { VelocityReport, VelocitySprint } from "./types";

/** Velocity of the last `limit` closed sprints (oldest first): average and range of completed points. */
export function velocity(closed: readonly VelocitySprint[], limit: number): VelocityReport {
  const sprints = [...closed].sort((a, b) => a.completedAt.localeCompare(b.completedAt)).slice(-limit);
  if (!sprints.length) return { sprints, average: null, range: null };
  const completed = sprints.map((sprint) => sprint.completed);
  return {
    sprints,
    average: Math.round((completed.reduce((sum, n) => sum + n, 0) / completed.length) * 10) / 10,
    range: { min: Math.min(...completed), max: Math.max(...completed) },
  };
}
