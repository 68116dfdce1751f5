import fs from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { findCardKeys } from "./card-keys";
import { normalizeDelivery } from "./normalize";
import { shouldReplaceDeployment, shouldReplaceRun } from "./precedence";
import type { PipelineEvent, Provider, RunRecord } from "./types";

// The shared fixtures sit beside the repository (/work/shared next to /work/main).
const FIXTURES = path.resolve(import.meta.dirname, "../../../../shared/fixtures/webhooks");
const PROVIDER_DIRS = ["github", "gitlab", "circleci"] as const;

interface Fixture {
  file: string;
  provider: Provider;
  event: string;
  body: unknown;
  expect: Record<string, unknown>;
}

function loadFixtures(): Fixture[] {
  return PROVIDER_DIRS.flatMap((dir) =>
    fs
      .readdirSync(path.join(FIXTURES, dir))
      .filter((name) => name.endsWith(".json"))
      .sort()
      .map((name) => {
        const raw = JSON.parse(fs.readFileSync(path.join(FIXTURES, dir, name), "utf8")) as Omit<Fixture, "file">;
        return { ...raw, file: `${dir}/${name}` };
      }),
  );
}

const fixtures = loadFixtures();
const byFile = (file: string) => fixtures.find((f) => f.file === file) as Fixture;

// The board the README describes: DEMO-1 … DEMO-99 exist, three mapped sources.
const EXISTING = new Set(Array.from({ length: 99 }, (_, i) => `DEMO-${i + 1}`));
const isMapped: Record<Provider, (d: PipelineEvent) => boolean> = {
  github: (d) => d.repository?.toLowerCase() === "acme/shop",
  gitlab: (d) => d.repository?.toLowerCase() === "acme/shop" || d.repositoryId === "4242",
  circleci: (d) => d.repository?.toLowerCase() === "github/acme/shop",
  generic: () => false,
};

// Pure functions of one delivery; `accepted`/`duplicate` need signatures or state (HTTP tests).
const PURE_FIELDS = ["pipeline", "job", "stage", "status", "environment", "runUrl", "prUrl", "merged"] as const;

function normalizeFixture(fixture: Fixture): PipelineEvent {
  const delivery = normalizeDelivery(fixture.provider, fixture.event, fixture.body);
  if (delivery.kind !== "event") throw new Error(`${fixture.file}: ignored (${delivery.reason})`);
  return delivery;
}

describe("shared webhook fixtures", () => {
  it("finds the whole documented set", () => {
    expect(fs.existsSync(FIXTURES)).toBe(true);
    expect(fixtures.filter((f) => f.provider === "github")).toHaveLength(20);
    expect(fixtures.filter((f) => f.provider === "gitlab")).toHaveLength(10);
    expect(fixtures.filter((f) => f.provider === "circleci")).toHaveLength(2);
    for (const fixture of fixtures) {
      for (const field of ["linkedCards", ...PURE_FIELDS]) expect(fixture.expect, fixture.file).toHaveProperty(field);
    }
  });

  it.each(fixtures.map((f) => [f.file, f] as const))("%s normalizes to its expectation", (_file, fixture) => {
    const delivery = normalizeDelivery(fixture.provider, fixture.event, fixture.body);
    const stateDependent = fixture.expect.accepted === false || fixture.expect.duplicate === true;

    if (fixture.event === "ping") {
      expect(delivery.kind).toBe("ignored");
      return;
    }
    expect(delivery.kind).toBe("event");
    if (delivery.kind !== "event") return;

    const linked = isMapped[fixture.provider](delivery)
      ? findCardKeys(delivery.keyTexts, "DEMO", (key) => EXISTING.has(key))
      : [];
    if (!stateDependent) expect(linked).toEqual(fixture.expect.linkedCards);
    for (const field of PURE_FIELDS) expect(delivery[field], field).toEqual(fixture.expect[field]);
  });
});

describe("out-of-order sequences built from the fixtures", () => {
  const run = (file: string) => normalizeFixture(byFile(file)).records.run as RunRecord;

  it("keeps the completed failure of a workflow run whichever delivery arrives first", () => {
    const requested = run("github/workflow_run.requested.json");
    const failed = run("github/workflow_run.completed-failure.json");
    expect(requested.externalId).toBe(failed.externalId);
    expect(shouldReplaceRun(requested, failed)).toBe(true);
    expect(shouldReplaceRun(failed, requested)).toBe(false);
  });

  it("lets a re-run (higher run_attempt) supersede a completed attempt", () => {
    const fixture = byFile("github/workflow_run.completed-failure.json");
    const body = structuredClone(fixture.body) as { action: string; workflow_run: Record<string, unknown> };
    Object.assign(body.workflow_run, { run_attempt: 2, status: "queued", conclusion: null });
    body.action = "requested";
    const rerun = normalizeFixture({ ...fixture, body }).records.run as RunRecord;
    const failed = run("github/workflow_run.completed-failure.json");
    expect(rerun.status).toBe("queued");
    expect(shouldReplaceRun(failed, rerun)).toBe(true);
    expect(shouldReplaceRun(rerun, failed)).toBe(false);
  });

  it("ends a check run completed although start and completion share one timestamp", () => {
    const created = run("github/check_run.created.json");
    const completed = run("github/check_run.completed-failure.json");
    expect(created.updatedAt).toBe(completed.updatedAt);
    expect(shouldReplaceRun(created, completed)).toBe(true);
    expect(shouldReplaceRun(completed, created)).toBe(false);
  });

  it("keeps a GitLab deployment's success over its earlier running state in both orders", () => {
    const running = normalizeFixture(byFile("gitlab/deployment.running-production.json")).records.deployment;
    const success = normalizeFixture(byFile("gitlab/deployment.success-production.json")).records.deployment;
    expect(running?.externalId).toBe(success?.externalId);
    if (running === undefined || success === undefined) throw new Error("missing deployment records");
    expect(shouldReplaceDeployment(running, success)).toBe(true);
    expect(shouldReplaceDeployment(success, running)).toBe(false);
  });

  it("derives the GitLab deployment's full commit SHA for later link inheritance", () => {
    const success = normalizeFixture(byFile("gitlab/deployment.success-production.json"));
    expect(success.records.deployment?.sha).toBe("58793660b22d6ceacbdc23b28a0562bca339702c");
    expect(success.shas).toEqual(["58793660b22d6ceacbdc23b28a0562bca339702c"]);
  });

  it("links a Job Hook to its pipeline by pipeline id, not by commit", () => {
    const job = normalizeFixture(byFile("gitlab/job.created.json")).records.job;
    expect(job).toMatchObject({ runExternalId: "pipeline:2366", externalId: "job:1977", stage: "test" });
  });
});
