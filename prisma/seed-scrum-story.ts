// The demo Scrum project's story, as data: its cards, its Definitions of Done and Ready, and four
// sprints of two weeks (three closed, one running) plus a planned one. Days count back from the
// seed's "now" (lib: demo-clock); prisma/seed-scrum.ts plays the story through the services.
import type { DefinitionInput } from "@/lib/validation/dod";
import type { CreateCardInput } from "@/lib/validation/cards";

export type Person = "po" | "dev" | "admin";

export type StoryCard = Pick<CreateCardInput, "title" | "type" | "priority" | "estimate" | "labels"> & {
  ref: string;
  assignee?: Person;
  /** The epic card (its ref) this card belongs to. */
  epic?: string;
  /** Day it was written (days ago); the first refinement by default. */
  createdDaysAgo?: number;
  /** Definition-of-Ready items ticked in refinement (all by default when planned). */
  ready?: "all" | "some" | "none";
};

/** What happens to one card during a sprint (days ago). */
export interface CardWork {
  ref: string;
  started: number;
  /** CI failed on the first push (this job), then a fix went green. */
  failedFirst?: "test" | "lint";
  /** Pull request opened (the card goes to Review). */
  review?: number;
  /** Merged, deployed to staging, reviewed and accepted: the card goes to Done. */
  done?: number;
  /** Still running on the latest push (hours ago), for the running sprint. */
  runningHoursAgo?: number;
  /** The latest push failed (this job), for the running sprint. */
  failing?: "test" | "lint";
}

export interface SprintStory {
  name: string;
  goal: string;
  capacity: number;
  /** Planning and start (days ago, 16:00); the sprint's dates run 14 days from that day. */
  startDaysAgo: number;
  committed: string[];
  work: CardWork[];
  added?: Array<{ ref: string; daysAgo: number; overrideReason?: string }>;
  removed?: Array<{ ref: string; daysAgo: number }>;
  estimateChanges?: Array<{ ref: string; daysAgo: number; estimate: number }>;
  /** Closed on this day (15:00), unfinished cards rolling over into the next sprint. */
  closedDaysAgo?: number;
}

export const SCRUM_PROJECT = { key: "PAY", name: "Payments service", repository: "acme/payments" };

export const DEFINITION: DefinitionInput = {
  items: [
    { kind: "manual", text: "Code reviewed by a teammate" },
    { kind: "auto", text: "CI checks green", signal: "checks_green" },
    { kind: "auto", text: "Pull request merged", signal: "pr_merged" },
    { kind: "auto", text: "Deployed to staging", signal: "deployed", environment: "staging" },
    { kind: "manual", text: "Acceptance criteria checked by the product owner" },
  ],
  ready: {
    enabled: true,
    items: [
      { kind: "manual", text: "Estimated by the team" },
      { kind: "manual", text: "Acceptance criteria written" },
      { kind: "manual", text: "Dependencies identified" },
    ],
  },
};

export const CARDS: StoryCard[] = [
  { ref: "charge", title: "Charge a card through the provider's sandbox", type: "story", priority: "high", estimate: 5, labels: ["payments"], assignee: "dev" },
  { ref: "intents", title: "Store payment intents with idempotency keys", type: "story", priority: "high", estimate: 3, labels: ["payments", "api"], assignee: "admin" },
  { ref: "3ds", title: "3-D Secure challenge flow", type: "story", priority: "high", estimate: 8, labels: ["payments", "security"], assignee: "dev" },
  { ref: "reasons", title: "Show customers why a payment failed", type: "story", priority: "medium", estimate: 3, labels: ["checkout"], assignee: "dev" },
  { ref: "refunds", title: "Partial refunds from the admin", type: "story", priority: "high", estimate: 5, labels: ["refunds"], assignee: "admin" },
  { ref: "receipt", title: "Email a receipt after a successful charge", type: "story", priority: "medium", estimate: 3, labels: ["email"], assignee: "dev" },
  { ref: "payouts", title: "Reconcile provider payouts nightly", type: "task", priority: "medium", estimate: 2, labels: ["finance"], assignee: "admin" },
  { ref: "double-refund", title: "Refund webhook is processed twice", type: "bug", priority: "urgent", estimate: 2, labels: ["refunds", "webhooks"], assignee: "dev", createdDaysAgo: 29, ready: "none" },
  { ref: "signatures", title: "Verify the provider's webhook signatures", type: "story", priority: "high", estimate: 5, labels: ["webhooks", "security"], assignee: "dev" },
  { ref: "retries", title: "Retry failed webhook processing with backoff", type: "story", priority: "medium", estimate: 5, labels: ["webhooks"], assignee: "admin" },
  { ref: "failed-dashboard", title: "Dashboard of failed payments", type: "story", priority: "medium", estimate: 3, labels: ["ops"], assignee: "dev" },
  { ref: "csv", title: "Export transactions as CSV", type: "story", priority: "low", estimate: 3, labels: ["finance"] },
  { ref: "wallet", title: "Saved payment methods", type: "epic", priority: "high", labels: ["payments"], createdDaysAgo: 22 },
  { ref: "save-card", title: "Save a card for later (tokenized)", type: "story", priority: "high", estimate: 5, labels: ["payments", "checkout"], assignee: "dev", createdDaysAgo: 22, epic: "wallet" },
  { ref: "one-click", title: "One-click checkout for returning customers", type: "story", priority: "high", estimate: 8, labels: ["checkout"], assignee: "admin", createdDaysAgo: 22, epic: "wallet" },
  { ref: "remove-card", title: "Remove a saved card", type: "story", priority: "medium", estimate: 2, labels: ["payments"], assignee: "dev", createdDaysAgo: 22, epic: "wallet" },
  { ref: "audit", title: "Audit log of payment method changes", type: "task", priority: "medium", estimate: 3, labels: ["security"], createdDaysAgo: 22 },
  { ref: "apple-pay", title: "Apple Pay on the web", type: "story", priority: "medium", estimate: 8, labels: ["payments", "checkout"], createdDaysAgo: 12 },
  { ref: "currency", title: "Convert currencies at checkout", type: "story", priority: "medium", estimate: 5, labels: ["checkout"], createdDaysAgo: 12 },
  { ref: "v3-spike", title: "Spike: move to the provider's v3 API?", type: "spike", priority: "low", estimate: 3, labels: ["research"], createdDaysAgo: 9, ready: "all" },
  { ref: "chargebacks", title: "Notify finance about chargebacks", type: "story", priority: "medium", labels: ["finance"], createdDaysAgo: 4, ready: "none" },
  { ref: "pci", title: "PCI scope review before the audit", type: "task", priority: "high", estimate: 5, labels: ["security"], createdDaysAgo: 3, ready: "some" },
  { ref: "rate-limit", title: "Rate-limit payment attempts per customer", type: "story", priority: "high", estimate: 3, labels: ["security", "api"], createdDaysAgo: 2, ready: "none" },
];

/** The first refinement: the day the project starts. */
export const PROJECT_STARTED_DAYS_AGO = 50;

export const SPRINTS: SprintStory[] = [
  {
    name: "Sprint 1",
    goal: "Take card payments end to end in the sandbox",
    capacity: 20,
    startDaysAgo: 48,
    committed: ["charge", "intents", "3ds", "reasons"],
    work: [
      { ref: "charge", started: 47, review: 44, done: 42 },
      { ref: "reasons", started: 46, failedFirst: "lint", review: 41, done: 40 },
      { ref: "intents", started: 45, review: 39, done: 37 },
      { ref: "3ds", started: 41, failedFirst: "test" },
    ],
    closedDaysAgo: 34,
  },
  {
    name: "Sprint 2",
    goal: "Refunds and receipts",
    capacity: 21,
    startDaysAgo: 34,
    committed: ["3ds", "refunds", "receipt", "payouts"],
    work: [
      { ref: "3ds", started: 41, review: 32, done: 30 },
      { ref: "refunds", started: 33, review: 27, done: 24 },
      { ref: "double-refund", started: 29, review: 28, done: 27 },
      { ref: "receipt", started: 30, review: 25, done: 23 },
      { ref: "payouts", started: 23 },
    ],
    added: [{ ref: "double-refund", daysAgo: 29, overrideReason: "Production bug: customers were refunded twice" }],
    estimateChanges: [{ ref: "refunds", daysAgo: 31, estimate: 8 }],
    closedDaysAgo: 20,
  },
  {
    name: "Sprint 3",
    goal: "Harden webhooks from the payment provider",
    capacity: 20,
    startDaysAgo: 20,
    committed: ["payouts", "signatures", "retries", "failed-dashboard", "csv"],
    work: [
      { ref: "payouts", started: 23, review: 19, done: 18 },
      { ref: "signatures", started: 19, failedFirst: "test", review: 15, done: 13 },
      { ref: "retries", started: 17, review: 11, done: 9 },
      { ref: "failed-dashboard", started: 10 },
    ],
    removed: [{ ref: "csv", daysAgo: 16 }],
    closedDaysAgo: 6,
  },
  {
    name: "Sprint 4",
    goal: "Saved cards and one-click checkout",
    capacity: 20,
    startDaysAgo: 6,
    committed: ["failed-dashboard", "save-card", "one-click", "remove-card", "audit"],
    work: [
      { ref: "remove-card", started: 5, review: 4, done: 3 },
      { ref: "failed-dashboard", started: 10, review: 2 },
      { ref: "save-card", started: 4, failing: "test" },
      { ref: "one-click", started: 2, runningHoursAgo: 0.3 },
    ],
  },
];

/** Planned next, with cards the team has made ready. */
export const NEXT_SPRINT = { name: "Sprint 5", goal: "Wallets and currencies", capacity: 20, createdDaysAgo: 2, cards: ["apple-pay", "currency"] };
