"use client";
import { LogOut, MonitorX, UserRound } from "lucide-react";
import { useTransition } from "react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { signOutAction, signOutEverywhereAction } from "@/lib/actions/auth";

/** Signing out: this browser only, or every device the account is signed in on. */
export function AccountMenu() {
  const [pending, startTransition] = useTransition();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="rounded-md p-1.5 text-muted hover:bg-surface-2 hover:text-foreground disabled:opacity-50"
        aria-label="Account"
        title="Account"
        disabled={pending}
      >
        <UserRound aria-hidden className="size-4" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" side="top" className="w-56">
        <DropdownMenuLabel>Account</DropdownMenuLabel>
        <DropdownMenuItem onSelect={() => startTransition(() => signOutAction())}>
          <LogOut aria-hidden /> Sign out
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => startTransition(() => signOutEverywhereAction())}>
          <MonitorX aria-hidden /> Sign out everywhere
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
