import { z } from "zod";
import { defineEndpoint } from "../endpoint";
import { cardParams, idParams, projectParams } from "@/lib/validation/common";
import { deliveryQuerySchema, forecastQuerySchema, reportQuerySchema, throughputQuerySchema, velocityQuerySchema } from "@/lib/validation/reports";

const percentiles = z.object({ p50: z.number().nullable(), p70: z.number().nullable(), p85: z.number().nullable(), p95: z.number().nullable() });
const rangeNote = "`from` and `to` are days (YYYY-MM-DD, both included) in the project's time zone, default the last 90 days; `type`, `label`, `epic` (card key) and `assignee` (user id) filter the cards.";

export const cumulativeFlowEndpoint = defineEndpoint({
  method: "GET",
  path: "/projects/{key}/reports/cfd",
  summary: `Cumulative flow: cards in each column (board order) at the end of each day. ${rangeNote}`,
  tag: "Reports",
  role: "VIEWER",
  params: projectParams,
  query: reportQuerySchema,
  response: z.object({ columns: z.array(z.string()), days: z.array(z.object({ date: z.string(), counts: z.record(z.string(), z.number()) })) }),
});

export const cycleTimeEndpoint = defineEndpoint({
  method: "GET",
  path: "/projects/{key}/reports/cycle-time",
  summary: `Cycle time of each card finished in the range: (finished date − started date) + 1 days, and hours; nearest-rank percentiles. ${rangeNote}`,
  tag: "Reports",
  role: "VIEWER",
  params: projectParams,
  query: reportQuerySchema,
  response: z.object({
    items: z.array(z.object({ key: z.string(), title: z.string(), started: z.string(), finished: z.string(), days: z.number(), hours: z.number() })),
    percentiles,
  }),
});

export const throughputEndpoint = defineEndpoint({
  method: "GET",
  path: "/projects/{key}/reports/throughput",
  summary: `Cards finished per day or ISO week (Monday start), zeros included. ${rangeNote}`,
  tag: "Reports",
  role: "VIEWER",
  params: projectParams,
  query: throughputQuerySchema,
  response: z.object({ interval: z.enum(["day", "week"]), buckets: z.array(z.object({ start: z.string(), count: z.number() })) }),
});

export const agingEndpoint = defineEndpoint({
  method: "GET",
  path: "/projects/{key}/reports/aging",
  summary: `Work in progress by age ((today − started date) + 1 days), against the percentiles of the range's cycle times. ${rangeNote}`,
  tag: "Reports",
  role: "VIEWER",
  params: projectParams,
  query: reportQuerySchema,
  response: z.object({
    items: z.array(z.object({ key: z.string(), title: z.string(), column: z.string(), ageDays: z.number(), zone: z.enum(["below-p50", "p50-p70", "p70-p85", "p85-p95", "above-p95"]).nullable() })),
    percentiles,
  }),
});

export const velocityEndpoint = defineEndpoint({
  method: "GET",
  path: "/projects/{key}/reports/velocity",
  summary: `Committed and completed points of the last \`last\` (default 10) sprints closed in the range (default the last 365 days); average and range. ${rangeNote}`,
  tag: "Reports",
  role: "VIEWER",
  params: projectParams,
  query: velocityQuerySchema,
  response: z.object({
    sprints: z.array(z.object({ id: z.string(), name: z.string(), committed: z.number(), completed: z.number(), completedAt: z.string() })),
    average: z.number().nullable(),
    range: z.object({ min: z.number(), max: z.number() }).nullable(),
  }),
});

export const forecastEndpoint = defineEndpoint({
  method: "GET",
  path: "/projects/{key}/reports/forecast",
  summary:
    "Monte Carlo forecast (10,000 trials resampling daily throughput of the window `from`–`to`, default the last 60 days): " +
    "`?items=N` → the dates by which N cards are done with 50/70/85/95 % confidence; `?until=DATE` → how many cards (N or more) by then.",
  tag: "Reports",
  role: "VIEWER",
  params: projectParams,
  query: forecastQuerySchema,
  response: z.object({
    kind: z.enum(["items", "until"]),
    items: z.number().optional(),
    until: z.string().optional(),
    today: z.string(),
    trials: z.number(),
    window: z.object({ from: z.string(), to: z.string() }),
    percentiles: z.object({ p50: z.union([z.string(), z.number()]).nullable(), p70: z.union([z.string(), z.number()]).nullable(), p85: z.union([z.string(), z.number()]).nullable(), p95: z.union([z.string(), z.number()]).nullable() }),
  }),
});

const burndownPoint = z.object({
  at: z.string(),
  remaining: z.number(),
  scope: z.number(),
  completed: z.number(),
  change: z.enum(["start", "done", "added", "removed", "estimate", "reopened"]),
  cardKey: z.string().optional(),
  points: z.number().optional(),
});

export const burndownEndpoint = defineEndpoint({
  method: "GET",
  path: "/sprints/{id}/burndown",
  summary: "Burndown and burnup of a started sprint: remaining and scope after each recorded change, and the guideline from the commitment to zero. `type`, `label`, `epic` and `assignee` filter the cards.",
  tag: "Reports",
  role: "VIEWER",
  params: idParams,
  query: reportQuerySchema,
  response: z.object({
    sprintId: z.string(),
    name: z.string(),
    committed: z.number(),
    start: z.string(),
    end: z.string(),
    completedAt: z.string().nullable(),
    series: z.array(burndownPoint),
    guideline: z.array(z.object({ at: z.string(), remaining: z.number() })),
    burnup: z.array(z.object({ at: z.string(), completed: z.number(), scope: z.number() })),
  }),
});

const hours = z.number().nullable();

export const deliveryEndpoint = defineEndpoint({
  method: "GET",
  path: "/projects/{key}/reports/delivery",
  summary:
    "Delivery measures (DORA) of the production deployments finished in the range (default the last 90 days; days in the project's time zone): " +
    "deployment frequency (successful ones per day and week, with the Four Keys bucket), change lead time (median hours from commit to its first production deployment), " +
    "change failure rate (failed, rolled back or causing an incident ÷ deployments), recovery time (median hours from failure to the next success or the incident's resolution), " +
    "rework rate (rollbacks and deployments during a recovery ÷ deployments); rates are 0…1, null without deployments. `deployments` lists those counted.",
  tag: "Reports",
  role: "VIEWER",
  params: projectParams,
  query: deliveryQuerySchema,
  response: z.object({
    from: z.string(),
    to: z.string(),
    deploymentFrequency: z.object({ perDay: z.number(), perWeek: z.number(), bucket: z.enum(["daily", "weekly", "monthly", "yearly"]).nullable() }),
    changeLeadTime: z.object({ medianHours: hours }),
    changeFailureRate: z.number().nullable(),
    recoveryTime: z.object({ medianHours: hours }),
    reworkRate: z.number().nullable(),
    deployments: z.array(
      z.object({ id: z.string(), environment: z.string(), sha: z.string().nullable(), status: z.string().nullable(), finishedAt: z.string(), commits: z.array(z.string()), failed: z.boolean(), rollback: z.boolean(), incidentIds: z.array(z.string()) }),
    ),
  }),
});

export const cardDeliveryEndpoint = defineEndpoint({
  method: "GET",
  path: "/cards/{cardKey}/delivery",
  summary:
    "A card's road to production: the first successful production deployment that shipped one of its commits, lead time (created → production) and delivery time " +
    "(started → production, in hours) broken down into in progress, review and waiting to deploy, hours per column, and the timeline (started, each environment first reached, incidents).",
  tag: "Reports",
  role: "VIEWER",
  params: cardParams,
  response: z.object({
    key: z.string(),
    production: z.object({ deploymentId: z.string(), environment: z.string(), at: z.string() }).nullable(),
    leadTimeHours: hours,
    deliveryTimeHours: hours,
    breakdown: z.object({ inProgressHours: z.number(), reviewHours: z.number(), waitingToDeployHours: z.number() }).nullable(),
    columns: z.array(z.object({ columnId: z.string(), column: z.string(), hours: z.number() })),
    timeline: z.array(
      z.object({
        kind: z.enum(["started", "pr-opened", "merged", "deployed", "incident"]),
        at: z.string(),
        number: z.number().optional(),
        environment: z.string().optional(),
        production: z.boolean().optional(),
        deploymentId: z.string().optional(),
        incidentId: z.string().optional(),
        resolvedAt: z.string().nullable().optional(),
      }),
    ),
  }),
});

export const reportEndpoints = [cumulativeFlowEndpoint, cycleTimeEndpoint, throughputEndpoint, agingEndpoint, velocityEndpoint, forecastEndpoint, burndownEndpoint, deliveryEndpoint, cardDeliveryEndpoint];
