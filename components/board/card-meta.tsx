// Icons, colours and words for card types and priorities, shared by the card, overlay and drawer.
import { BookOpen, Bug, ChevronDown, ChevronUp, ChevronsUp, Equal, FlaskConical, SquareCheck, Zap, type LucideIcon } from "lucide-react";
import { PRIORITY_LABELS, TYPE_LABELS } from "@/components/card/card-fields";
import type { CardTypeTone } from "@/components/ui/badge";
import { cn } from "@/lib/utils/cn";

type Priority = keyof typeof PRIORITY_LABELS;

const TYPES: Record<CardTypeTone, { icon: LucideIcon; text: string; stripe: string }> = {
  story: { icon: BookOpen, text: "text-type-story", stripe: "before:bg-type-story" },
  bug: { icon: Bug, text: "text-type-bug", stripe: "before:bg-type-bug" },
  task: { icon: SquareCheck, text: "text-type-task", stripe: "before:bg-type-task" },
  spike: { icon: FlaskConical, text: "text-type-spike", stripe: "before:bg-type-spike" },
  epic: { icon: Zap, text: "text-type-epic", stripe: "before:bg-type-epic" },
};

const PRIORITIES: Record<Priority, { icon: LucideIcon; text: string }> = {
  urgent: { icon: ChevronsUp, text: "text-danger" },
  high: { icon: ChevronUp, text: "text-warning" },
  medium: { icon: Equal, text: "text-muted" },
  low: { icon: ChevronDown, text: "text-info" },
};

export function typeMeta(type: string) {
  const key = (type.toLowerCase() in TYPES ? type.toLowerCase() : "story") as CardTypeTone;
  return { ...TYPES[key], label: TYPE_LABELS[key] };
}

export function priorityMeta(priority: string) {
  const key = (priority.toLowerCase() in PRIORITIES ? priority.toLowerCase() : "medium") as Priority;
  return { ...PRIORITIES[key], label: PRIORITY_LABELS[key] };
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
