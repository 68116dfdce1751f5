// Reports answer from an imported history: the Trello fixtures (facts in
// /work/shared/fixtures/imports/README.md).
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cfdRoute from "@/app/api/v1/projects/[key]/reports/cfd/route";
import * as cycleTimeRoute from "@/app/api/v1/projects/[key]/reports/cycle-time/route";
import type { ProjectAccess } from "@/lib/server/authz";
import { createImport, runImport } from "@/lib/server/services/imports";
import { call, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { makeProject, makeWorld } from "@/prisma/factories";

const fixtures = path.resolve(import.meta.dirname, "../../../shared/fixtures/imports/trello");

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makeWorld>>;
let viewer: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeWorld("RIMP", "kanban");
  viewer = await tokenFor(world.users.VIEWER.id);
});
afterAll(() => database.dispose());

async function imported(key: string, file: string): Promise<ProjectAccess> {
  const project = await makeProject(world.users.OWNER.actor, { teamId: world.team.id, key });
  const run = await createImport(project, world.users.ADMIN.id, { source: "trello", file: readFileSync(path.join(fixtures, file), "utf8"), dryRun: false });
  await runImport(run.id);
  return project;
}

const report = (handler: typeof cfdRoute.GET, key: string, query: string) => call(handler, { path: `/api/v1/projects/${key}/reports/x?${query}`, params: { key }, auth: { token: viewer } });

describe("reports on imported Trello boards", () => {
  it("minimal board: its one card appears in To do on the day of its createCard action (15 September 2017), and nothing has finished", async () => {
    const project = await imported("RTMIN", "deck-testboard-anonymized-minimal.json");
    const cfd = await report(cfdRoute.GET, project.projectKey, "from=2017-09-14&to=2017-09-16");
    expect(cfd.status).toBe(200);
    expect(cfd.json.days.map((day: { date: string; counts: Record<string, number> }) => [day.date, day.counts["To do"]])).toEqual([
      ["2017-09-14", 0],
      ["2017-09-15", 1],
      ["2017-09-16", 1],
    ]);
    const cycle = await report(cycleTimeRoute.GET, project.projectKey, "from=2017-09-01&to=2017-09-30");
    expect(cycle.json).toEqual({ items: [], percentiles: { p50: null, p70: null, p85: null, p95: null } });
  });

  it("editorial board without history: its 155 cards appear on their creation day (3 August 2015) in their lists", async () => {
    const project = await imported("RTBLOG", "blog-post-ideas-board-2017.json");
    const cfd = await report(cfdRoute.GET, project.projectKey, "from=2015-08-02&to=2015-08-04");
    expect(cfd.json.columns.slice(4)).toEqual([
      "Social Media Blog ideas",
      "Open Blog ideas",
      "Guest Posts",
      "Team posts for Open/Overflow synd",
      "Social: Aug 3 - 7",
      "Social: Aug 10 - 14",
      "Social: Aug 17 - 21",
      "Social: Aug 24 - 28",
    ]);
    const lists = (day: { counts: Record<string, number> }) => cfd.json.columns.slice(4).map((name: string) => day.counts[name]);
    expect(lists(cfd.json.days[0])).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(lists(cfd.json.days[1])).toEqual([83, 55, 1, 2, 5, 3, 6, 0]);
    expect(lists(cfd.json.days[2])).toEqual([83, 55, 1, 2, 5, 3, 6, 0]);
    // No moves, so no card has started or finished.
    const cycle = await report(cycleTimeRoute.GET, project.projectKey, "from=2015-08-01&to=2015-08-31");
    expect(cycle.json.items).toEqual([]);
  });
});
