// The card's Development panel: pull requests, pipeline runs with their jobs by stage, the latest
// deployment per environment, and commits. Presentational; the card page passes `cardPipeline()`.
import { ExternalLink, GitCommitHorizontal, GitMerge, GitPullRequest, GitPullRequestClosed, Rocket, Workflow } from "lucide-react";
import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import type { CardPipeline } from "@/lib/server/queries/pipeline";
import { formatExact } from "@/lib/utils/time";
import { PipelineBadge } from "./pipeline-badge";

const STAGE_ORDER = ["build", "test", "release", "deploy"] as const;
type Run = CardPipeline["runs"][number];


function Link({ href, children }: { href: string | null; children: ReactNode }) {
  if (!href) return <span>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 text-accent hover:underline">
      {children}
      <ExternalLink aria-hidden className="size-3" />
    </a>
  );
}

function Section({ title, icon, children }: { title: string; icon: ReactNode; children: ReactNode }) {
  return (
    <section aria-label={title} className="flex flex-col gap-2">
      <h3 className="flex items-center gap-1.5 text-xs font-semibold tracking-wide text-muted uppercase [&_svg]:size-3.5">
        {icon}
        {title}
      </h3>
      {children}
    </section>
  );
}

function jobsByStage(jobs: Run["jobs"]) {
  const stages: Array<[string, Run["jobs"]]> = STAGE_ORDER.map((stage) => [stage, jobs.filter((job) => job.stage === stage)]);
  const other = jobs.filter((job) => !STAGE_ORDER.includes(job.stage as (typeof STAGE_ORDER)[number]));
  return [...stages, ["other", other] as [string, Run["jobs"]]].filter(([, list]) => list.length > 0);
}

function RunItem({ run }: { run: Run }) {
  return (
    <li className="rounded-lg border border-border p-2.5">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Link href={run.url}>{run.name ?? "Pipeline"}</Link>
        {run.status ? <PipelineBadge status={run.status} label={run.name ?? "Pipeline"} /> : null}
        {run.attempt > 1 ? <span className="text-xs text-muted">attempt {run.attempt}</span> : null}
        <span className="ml-auto text-xs text-muted">
          {[run.branch, run.sha?.slice(0, 7)].filter(Boolean).join(" · ")}
          {run.startedAt ? <>{run.branch || run.sha ? " · " : null}<RelativeTime at={run.startedAt} /></> : null}
        </span>
      </div>
      {run.jobs.length ? (
        <dl className="mt-2 grid grid-cols-[5rem_1fr] gap-x-3 gap-y-1 text-sm">
          {jobsByStage(run.jobs).map(([stage, jobs]) => (
            <div key={stage} className="contents">
              <dt className="pt-0.5 text-xs text-muted capitalize">{stage}</dt>
              <dd className="flex flex-wrap gap-x-3 gap-y-1">
                {jobs.map((job) => (
                  <span key={job.name} className="inline-flex items-center gap-1.5">
                    <Link href={job.url}>{job.name}</Link>
                    {job.status ? <PipelineBadge status={job.status} label={job.name} /> : null}
                  </span>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}

const PR_ICONS = { open: GitPullRequest, merged: GitMerge, closed: GitPullRequestClosed } as const;

export function DevelopmentPanel({ pipeline, cardKey }: { pipeline: CardPipeline; cardKey: string }) {
  const empty = !pipeline.pullRequests.length && !pipeline.runs.length && !pipeline.deployments.length && !pipeline.commits.length;
  return (
    <section aria-labelledby="development-heading" className="flex flex-col gap-4 rounded-xl border border-border bg-surface p-4">
      <div className="flex items-center gap-2">
        <h2 id="development-heading" className="text-sm font-semibold">Development</h2>
        {pipeline.status ? <PipelineBadge status={pipeline.status} /> : null}
      </div>
      {empty ? (
        <EmptyState
          size="sm"
          icon={<Workflow />}
          title="No CI/CD activity yet"
          description={`Put ${cardKey} in a branch name, commit message or pull request title; builds, pull requests and deployments then show up here.`}
        />
      ) : null}
      {pipeline.pullRequests.length ? (
        <Section title="Pull requests" icon={<GitPullRequest />}>
          <ul className="flex flex-col gap-1.5 text-sm">
            {pipeline.pullRequests.map((pr) => {
              const Icon = PR_ICONS[pr.merged ? "merged" : pr.state === "closed" ? "closed" : "open"];
              return (
                <li key={`${pr.provider}-${pr.number}`} className="flex items-center gap-2">
                  <Icon aria-hidden className="size-4 text-muted" />
                  <Link href={pr.url}>#{pr.number} {pr.title}</Link>
                  <span className="ml-auto text-xs text-muted">{pr.merged ? "merged" : pr.state}</span>
                </li>
              );
            })}
          </ul>
        </Section>
      ) : null}
      {pipeline.runs.length ? (
        <Section title="Pipelines" icon={<Workflow />}>
          <ul className="flex flex-col gap-2">
            {pipeline.runs.map((run, index) => (
              <RunItem key={index} run={run} />
            ))}
          </ul>
        </Section>
      ) : null}
      {pipeline.deployments.length ? (
        <Section title="Deployments" icon={<Rocket />}>
          <ul className="flex flex-col gap-1.5 text-sm">
            {pipeline.deployments.map((deployment) => (
              <li key={deployment.environment} className="flex flex-wrap items-center gap-2">
                <Link href={deployment.url}>{deployment.environment}</Link>
                {deployment.status ? <PipelineBadge status={deployment.status} label={deployment.environment} /> : null}
                <RelativeTime at={deployment.at} className="ml-auto" />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {pipeline.commits.length ? (
        <Section title="Commits" icon={<GitCommitHorizontal />}>
          <p className="flex flex-wrap gap-1.5 font-mono text-xs text-muted">
            {pipeline.commits.map((commit) => (
              <span key={commit.sha} title={`${commit.sha}, seen ${formatExact(new Date(commit.at))}`}>{commit.sha.slice(0, 7)}</span>
            ))}
          </p>
        </Section>
      ) : null}
    </section>
  );
}
