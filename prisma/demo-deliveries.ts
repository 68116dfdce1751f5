// GitHub-shaped webhook deliveries for the demo projects (workflow runs with their jobs, pull
// requests, deployment statuses), signed with the integration's secret and handed to the same
// intake and queue a real delivery goes through.
import { randomUUID } from "node:crypto";
import { signGithub } from "@/lib/domain/pipeline/verify";
import { receiveWebhook } from "@/lib/server/services/webhook-ingest";
import { drainWebhookQueue } from "@/lib/server/webhook-queue";

export type Delivery = { event: string; body: Record<string, unknown> };
export type Repository = { id: number; full_name: string; html_url: string };

const MINUTE = 60_000;
const JOBS = ["build", "test", "lint"] as const;

/** A stable 40-hex commit id derived from a seed string. */
export const sha = (seed: string) => Array.from({ length: 40 }, (_, i) => "0123456789abcdef"[(seed.charCodeAt(i % seed.length) * (i + 7)) % 16]).join("");

export interface CiRun {
  repository: Repository;
  runId: number;
  branch: string;
  commit: string;
  /** Commit message and run title; naming the card key links the run to the card. */
  title: string;
  startedAt: Date;
  /** null: still running (only "build" has finished). */
  conclusion: "success" | "failure" | null;
  failingJob?: (typeof JOBS)[number];
}

/** The workflow_run and its three workflow_job deliveries; jobs take six minutes. */
export function ciRunDeliveries(run: CiRun): Delivery[] {
  const { repository, runId, branch, commit, title, startedAt, conclusion } = run;
  const finished = new Date(startedAt.getTime() + 6 * MINUTE);
  const url = `${repository.html_url}/actions/runs/${runId}`;
  const status = conclusion === null ? "in_progress" : "completed";
  const workflowRun: Delivery = {
    event: "workflow_run",
    body: {
      action: status,
      repository,
      workflow: { name: "CI" },
      workflow_run: {
        id: runId, name: "CI", head_branch: branch, head_sha: commit, display_title: title, status, conclusion,
        html_url: url, run_attempt: 1, run_started_at: startedAt.toISOString(), created_at: startedAt.toISOString(),
        updated_at: (conclusion === null ? startedAt : finished).toISOString(), head_commit: { id: commit, message: title }, pull_requests: [],
      },
    },
  };
  const jobs = JOBS.map((job, index): Delivery => {
    const done = conclusion !== null || job === "build";
    const jobId = runId * 10 + index;
    return {
      event: "workflow_job",
      body: {
        action: done ? "completed" : "in_progress",
        repository,
        workflow_job: {
          id: jobId, run_id: runId, run_attempt: 1, name: job, workflow_name: "CI", head_branch: branch, head_sha: commit,
          status: done ? "completed" : "in_progress", conclusion: done ? (run.failingJob === job ? "failure" : "success") : null,
          html_url: `${url}/job/${jobId}`, created_at: startedAt.toISOString(), started_at: startedAt.toISOString(),
          completed_at: done ? finished.toISOString() : null,
        },
      },
    };
  });
  return [workflowRun, ...jobs];
}

export interface PullRequestState {
  repository: Repository;
  number: number;
  title: string;
  branch: string;
  commit: string;
  merged: boolean;
  at: Date;
}

export function pullRequestDelivery(pr: PullRequestState): Delivery {
  const { repository, number, title, branch, commit, merged, at } = pr;
  return {
    event: "pull_request",
    body: {
      action: merged ? "closed" : "opened",
      number,
      repository,
      pull_request: {
        number, title, state: merged ? "closed" : "open", merged, merged_at: merged ? at.toISOString() : null,
        merge_commit_sha: merged ? commit : null, html_url: `${repository.html_url}/pull/${number}`,
        updated_at: at.toISOString(), head: { ref: branch, sha: commit },
      },
    },
  };
}

export interface DeploymentState {
  repository: Repository;
  deploymentId: number;
  environment: "staging" | "production";
  branch: string;
  commit: string;
  at: Date;
  state?: "success" | "failure";
}

export function deploymentDelivery(deploy: DeploymentState): Delivery {
  const { repository, deploymentId, environment, branch, commit } = deploy;
  const at = deploy.at.toISOString();
  const host = `${environment === "production" ? "" : "staging."}${repository.full_name.split("/")[1]}.example.com`;
  return {
    event: "deployment_status",
    body: {
      action: "created",
      repository,
      deployment: { id: deploymentId, sha: commit, ref: branch, environment, created_at: at, updated_at: at },
      deployment_status: { state: deploy.state ?? "success", environment, target_url: `https://${host}`, created_at: at, updated_at: at },
    },
  };
}

/**
 * Posts each delivery, signed with the integration's secret, to the webhook intake (as GitHub
 * would), then processes the queue in this flow. Throws when the intake refuses one.
 */
export async function deliverSigned(integration: { id: string; secret: string }, deliveries: Delivery[]): Promise<void> {
  for (const delivery of deliveries) {
    const body = JSON.stringify(delivery.body);
    const headers = {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/demo",
      "x-github-event": delivery.event,
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": signGithub(integration.secret, body),
    };
    const req = new Request(`http://localhost/api/webhooks/github/${integration.id}`, { method: "POST", headers, body });
    const res = await receiveWebhook(req, "github", integration.id);
    if (res.status !== 202) throw new Error(`demo delivery refused: ${res.status} ${await res.text()}`);
  }
  // A server may be running beside the seed (its worker claims deliveries too).
  await drainWebhookQueue({ waitForOtherWorkers: true });
}
