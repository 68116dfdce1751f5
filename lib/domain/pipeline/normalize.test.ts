import { describe, it, expect } from "vitest";
import { normalizeDelivery } from "./normalize";
import { toIsoTimestamp, type NormalizedDelivery, type PipelineEvent } from "./types";

function asEvent(delivery: NormalizedDelivery): PipelineEvent {
  if (delivery.kind !== "event") throw new Error(`expected an event, got ignored: ${delivery.reason}`);
  return delivery;
}

const repository = { id: 1, full_name: "acme/shop" };

describe("ignored deliveries", () => {
  it.each([
    ["github", "ping", {}, "ping"],
    ["github", "star", {}, "unsupported-event"],
    ["github", "", {}, "unsupported-event"],
    ["github", "workflow_run", {}, "invalid-payload"],
    ["github", "workflow_run", null, "invalid-payload"],
    ["github", "push", "not json", "invalid-payload"],
    ["github", "constructor", {}, "unsupported-event"],
    ["gitlab", "Tag Push Hook", {}, "unsupported-event"],
    ["gitlab", "Deployment Hook", { status: "success" }, "invalid-payload"],
    ["circleci", "ping", {}, "unsupported-event"],
    ["circleci", "job-completed", { workflow: { id: "w" } }, "invalid-payload"],
    ["generic", "ping", {}, "ping"],
  ] as const)("%s %j -> %s", (provider, event, body, code) => {
    const delivery = normalizeDelivery(provider, event, body);
    expect(delivery).toMatchObject({ kind: "ignored", code });
  });

  it("explains an invalid payload with the offending field", () => {
    const delivery = normalizeDelivery("github", "workflow_job", { workflow_job: { id: 1, run_id: 2 } });
    expect(delivery.kind === "ignored" && delivery.reason).toContain("name");
  });
});

describe("GitHub payloads beyond the fixtures", () => {
  it("normalizes an old workflow_run without display_title, run_attempt or URLs", () => {
    const delivery = asEvent(
      normalizeDelivery("github", "workflow_run", {
        action: "completed",
        repository,
        workflow_run: { id: 7, name: "CI", head_branch: "DEMO-3-x", status: "completed", conclusion: "neutral" },
      }),
    );
    expect(delivery).toMatchObject({ pipeline: "CI", status: "success", runUrl: null, keyTexts: ["DEMO-3-x"] });
    expect(delivery.records.run).toMatchObject({ externalId: "workflow_run:7", attempt: 1, updatedAt: null });
  });

  it("searches pull request head refs of a workflow run", () => {
    const delivery = asEvent(
      normalizeDelivery("github", "workflow_run", {
        repository,
        workflow_run: { id: 8, status: "queued", pull_requests: [{ head: { ref: "feature/DEMO-9" } }] },
      }),
    );
    expect(delivery.keyTexts).toEqual(["feature/DEMO-9"]);
  });

  it("treats a closed pull request with merged_at as merged and keeps the merge commit", () => {
    const delivery = asEvent(
      normalizeDelivery("github", "pull_request", {
        action: "closed",
        repository,
        pull_request: {
          number: 5,
          title: "DEMO-5 done",
          body: "also touches DEMO-6",
          state: "closed",
          merged_at: "2024-01-01T00:00:00Z",
          merge_commit_sha: "m".repeat(40),
          head: { ref: "DEMO-5-x", sha: "h".repeat(40) },
        },
      }),
    );
    expect(delivery).toMatchObject({ merged: true, keyTexts: ["DEMO-5 done", "DEMO-5-x"] });
    expect(delivery.records.pullRequest).toMatchObject({ state: "merged", merged: true });
    expect(delivery.shas).toEqual(["h".repeat(40), "m".repeat(40)]);
  });

  it("drops non-http run URLs and ignores the all-zero SHA of a deleted branch", () => {
    const status = asEvent(
      normalizeDelivery("github", "status", {
        repository,
        sha: "a".repeat(40),
        context: "ci/x",
        state: "pending",
        target_url: "javascript:alert(1)",
      }),
    );
    expect(status).toMatchObject({ runUrl: null, status: "running", pipeline: "ci/x" });
    expect(status.records.run?.externalId).toBe(`status:ci/x@${"a".repeat(40)}`);

    const push = asEvent(
      normalizeDelivery("github", "push", { repository, ref: "refs/heads/DEMO-2", after: "0".repeat(40), commits: [] }),
    );
    expect(push).toMatchObject({ keyTexts: ["DEMO-2"], shas: [], status: null });
  });

  it("passes configured stage rules through", () => {
    const delivery = asEvent(
      normalizeDelivery(
        "github",
        "workflow_job",
        { repository, workflow_job: { id: 1, run_id: 2, name: "pages", status: "queued" } },
        { stageRules: [{ pattern: "pages", stage: "deploy" }] },
      ),
    );
    expect(delivery.records.job?.stage).toBe("deploy");
  });
});

describe("GitLab payloads beyond the fixtures", () => {
  it("accepts the pre-9.3 Build Hook without a project object", () => {
    const delivery = asEvent(
      normalizeDelivery("gitlab", "Build Hook", {
        ref: "DEMO-4-fix",
        build_id: 12,
        build_name: "rspec",
        build_stage: "test",
        build_status: "failed",
        build_started_at: "2016-08-12 15:23:28 UTC",
        project_id: 4242,
        commit: { id: 99, message: "DEMO-4 fix" },
        repository: { homepage: "https://gitlab.example.com/acme/shop/" },
      }),
    );
    expect(delivery).toMatchObject({
      repository: "acme/shop",
      repositoryId: "4242",
      status: "failure",
      job: "rspec",
      stage: "test",
      pipeline: null,
      runUrl: "https://gitlab.example.com/acme/shop/-/jobs/12",
    });
    expect(delivery.records.job).toMatchObject({ runExternalId: "pipeline:99", startedAt: "2016-08-12T15:23:28.000Z" });
  });

  it("builds the pipeline URL when object_attributes.url is missing", () => {
    const delivery = asEvent(
      normalizeDelivery("gitlab", "Pipeline Hook", {
        project: { id: 4242, path_with_namespace: "acme/shop", web_url: "https://gitlab.example.com/acme/shop" },
        object_attributes: { id: 31, ref: "v1.0", tag: true, status: "brand_new" },
      }),
    );
    expect(delivery).toMatchObject({ runUrl: "https://gitlab.example.com/acme/shop/-/pipelines/31", status: null });
    expect(delivery.records.run).toMatchObject({ branch: null, name: null });
  });

  it.each([
    ["close", "closed", "closed", false],
    ["reopen", "reopened", "open", false],
    ["update", "locked", "open", false],
    ["merge", "merged", "merged", true],
  ] as const)("maps merge request action %s / state %s", (action, state, expected, merged) => {
    const delivery = asEvent(
      normalizeDelivery("gitlab", "Merge Request Hook", {
        project: { path_with_namespace: "acme/shop" },
        object_attributes: { iid: 3, title: "DEMO-1", state, action, description: "DEMO-2" },
      }),
    );
    expect(delivery).toMatchObject({ merged, keyTexts: ["DEMO-1"], repositoryId: null });
    expect(delivery.records.pullRequest?.state).toBe(expected);
  });
});

describe("CircleCI payloads beyond the fixtures", () => {
  it("derives the project slug from the VCS URL and maps unauthorized to failure", () => {
    const delivery = asEvent(
      normalizeDelivery("circleci", "workflow-completed", {
        id: "d1",
        pipeline: { vcs: { target_repository_url: "https://github.com/acme/shop", branch: "DEMO-8-x" } },
        workflow: { id: "w1", name: "build", status: "unauthorized" },
      }),
    );
    expect(delivery).toMatchObject({ repository: "github/acme/shop", status: "failure", runUrl: null });
    expect(delivery.records.run).toMatchObject({ externalId: "workflow:w1", stage: "build" });
  });
});

describe("toIsoTimestamp", () => {
  it.each([
    ["2016-08-12 15:23:28 UTC", "2016-08-12T15:23:28.000Z"],
    ["2025-05-02 12:36:52 +0000", "2025-05-02T12:36:52.000Z"],
    ["2021-04-28 21:50:00 +0200", "2021-04-28T19:50:00.000Z"],
    ["2012-01-03T23:36:29+02:00", "2012-01-03T21:36:29.000Z"],
    ["2022-09-20T12:54:38.685719Z", "2022-09-20T12:54:38.685Z"],
    ["2021-02-23T02:41:37", "2021-02-23T02:41:37.000Z"], // no zone: UTC, whatever the server's zone
    ["not a date", null],
    ["", null],
    [null, null],
  ] as const)("%j -> %j", (input, expected) => {
    expect(toIsoTimestamp(input)).toBe(expected);
  });
});
