// Icons, colours and words for card types and priorities, shared by the card, overlay and drawer.
import { BookOpen, Bug, ChevronDown, ChevronUp, ChevronsUp, Equal, FlaskConical, SquareCheck, Zap, type LucideIcon } from "lucide-react";
import type { BadgeTone, CardTypeTone } from "@/components/ui/badge";
import { cn } from "@/lib/utils/cn";

const TYPES: Record<CardTypeTone, { icon: LucideIcon; label: string; text: string; stripe: string }> = {
  story: { icon: BookOpen, label: "Story", text: "text-type-story", stripe: "before:bg-type-story" },
  bug: { icon: Bug, label: "Bug", text: "text-type-bug", stripe: "before:bg-type-bug" },
  task: { icon: SquareCheck, label: "Task", text: "text-type-task", stripe: "before:bg-type-task" },
  spike: { icon: FlaskConical, label: "Spike", text: "text-type-spike", stripe: "before:bg-type-spike" },
  epic: { icon: Zap, label: "Epic", text: "text-type-epic", stripe: "before:bg-type-epic" },
};

const PRIORITIES: Record<string, { icon: LucideIcon; label: string; text: string; tone: BadgeTone }> = {
  urgent: { icon: ChevronsUp, label: "Urgent", text: "text-danger", tone: "danger" },
  high: { icon: ChevronUp, label: "High", text: "text-warning", tone: "warning" },
  medium: { icon: Equal, label: "Medium", text: "text-muted", tone: "neutral" },
  low: { icon: ChevronDown, label: "Low", text: "text-info", tone: "info" },
};

export function typeMeta(type: string) {
  const key = type.toLowerCase() as CardTypeTone;
  return { tone: key in TYPES ? key : ("story" as const), ...(TYPES[key] ?? TYPES.story) };
}

export function priorityMeta(priority: string) {
  return PRIORITIES[priority.toLowerCase()] ?? PRIORITIES.medium!;
}

export function TypeIcon({ type, className }: { type: string; className?: string }) {
  const { icon: Icon, text } = typeMeta(type);
  return <Icon aria-hidden className={cn("size-3.5 shrink-0", text, className)} />;
}

export function PriorityIcon({ priority, className }: { priority: string; className?: string }) {
  const { icon: Icon, text } = priorityMeta(priority);
  return <Icon aria-hidden className={cn("size-3.5 shrink-0", text, className)} />;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
