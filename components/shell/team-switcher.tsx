"use client";
import { Check, ChevronsUpDown, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useActionState, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ROLE_LABELS, type TeamRole } from "@/lib/domain/roles";
import { createTeamAction, switchTeamAction } from "@/lib/actions/workspace";

export type TeamOption = { id: string; name: string; role: TeamRole };

export function TeamSwitcher({ teams, team }: { teams: TeamOption[]; team: TeamOption | null }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [creating, setCreating] = useState(false);
  const [state, createAction, pending] = useActionState(async (previous: Awaited<ReturnType<typeof createTeamAction>> | null, form: FormData) => {
    const result = await createTeamAction(previous, form);
    if (result.ok) {
      setCreating(false);
      router.push("/projects");
    }
    return result;
  }, null);

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-surface-2" aria-label="Switch team">
          <span className="flex size-7 items-center justify-center rounded-md bg-accent text-sm font-semibold text-accent-foreground">{team?.name.charAt(0) ?? "?"}</span>
          <span className="min-w-0 flex-1">
            <span className="block truncate text-sm font-semibold">{team?.name ?? "No team"}</span>
            <span className="block text-xs text-muted">{team ? ROLE_LABELS[team.role] : "Create one to start"}</span>
          </span>
          <ChevronsUpDown aria-hidden className="size-4 text-muted" />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-56">
          <DropdownMenuLabel>Teams</DropdownMenuLabel>
          {teams.map((option) => (
            <DropdownMenuItem key={option.id} onSelect={() => startTransition(async () => {
              const result = await switchTeamAction(option.id);
              if (result.ok) router.push("/projects");
              else toast.error(result.message);
            })}>
              <span className="flex-1 truncate">{option.name}</span>
              {option.id === team?.id ? <Check aria-label="current team" className="size-4" /> : null}
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setCreating(true)}>
            <Plus aria-hidden className="size-4" /> New team
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={creating} onOpenChange={setCreating}>
        <DialogContent title="New team" description="You will be its owner and can invite people from Team settings.">
          <form action={createAction} className="flex flex-col gap-4">
            <Field label="Team name" name="name" required error={state && !state.ok ? state.fieldErrors?.name : null}>
              {(props) => <Input {...props} autoFocus />}
            </Field>
            <DialogFooter>
              <Button type="submit" variant="primary" loading={pending}>Create team</Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
