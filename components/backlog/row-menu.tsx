"use client";
// The "⋯" menu of a row: rank to the top or bottom (product owners), plan into a sprint or back to
// the backlog (members), open the card.
import { ArrowDownToLine, ArrowUpToLine, ExternalLink, MoreHorizontal, Rows3, Timer } from "lucide-react";
import Link from "next/link";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { BACKLOG } from "./moves";

type Props = {
  cardKey: string;
  href: string;
  section: string;
  /** Other sections the card could go to: planned sprints and the backlog. */
  targets: Array<{ id: string; name: string }>;
  canRank: boolean;
  canPlan: boolean;
  onTop: () => void;
  onBottom: () => void;
  onPlan: (section: string) => void;
};

export function RowMenu({ cardKey, href, section, targets, canRank, canPlan, onTop, onBottom, onPlan }: Props) {
  const where = section === BACKLOG ? "backlog" : "sprint";
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={`Actions for ${cardKey}`}
        className="inline-flex size-6 items-center justify-center rounded text-muted opacity-0 group-hover:opacity-100 hover:bg-surface-2 hover:text-foreground focus-visible:opacity-100 aria-expanded:opacity-100"
      >
        <MoreHorizontal aria-hidden className="size-4" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        {canRank ? (
          <>
            <DropdownMenuItem onSelect={onTop}>
              <ArrowUpToLine aria-hidden /> Move to top of {where}
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={onBottom}>
              <ArrowDownToLine aria-hidden /> Move to bottom of {where}
            </DropdownMenuItem>
          </>
        ) : null}
        {canPlan && targets.length ? (
          <>
            {canRank ? <DropdownMenuSeparator /> : null}
            <DropdownMenuLabel>Move to</DropdownMenuLabel>
            {targets.map((target) => (
              <DropdownMenuItem key={target.id} onSelect={() => onPlan(target.id)}>
                {target.id === BACKLOG ? <Rows3 aria-hidden /> : <Timer aria-hidden />} {target.name}
              </DropdownMenuItem>
            ))}
          </>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href={href}>
            <ExternalLink aria-hidden /> Open {cardKey}
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
