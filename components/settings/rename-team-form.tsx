"use client";
// The team's name, editable in place by admins.
import { Pencil } from "lucide-react";
import { useActionState, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { renameTeamAction } from "@/lib/actions/workspace";

export function RenameTeamForm({ teamId, name }: { teamId: string; name: string }) {
  const [editing, setEditing] = useState(false);
  const [state, action, pending] = useActionState(async (previous: Awaited<ReturnType<typeof renameTeamAction>> | null, formData: FormData) => {
    const result = await renameTeamAction(teamId, previous, formData);
    if (result.ok) {
      setEditing(false);
      toast.success(`Team renamed to ${result.data.name}`);
    }
    return result;
  }, null);

  if (!editing) {
    return (
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-words">{name}</h1>
        <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
          <Pencil aria-hidden /> Rename
        </Button>
      </div>
    );
  }
  const error = state && !state.ok ? (state.fieldErrors?.name ?? state.message) : null;
  return (
    <form action={action} className="flex flex-col gap-2 sm:flex-row sm:items-start">
      <h1 className="sr-only">{name}</h1>
      <Field label="Team name" name="name" required error={error} className="flex-1">
        {(props) => <Input {...props} defaultValue={name} autoFocus maxLength={100} onKeyDown={(event) => event.key === "Escape" && setEditing(false)} />}
      </Field>
      <div className="flex gap-2 sm:mt-[1.375rem]">
        <Button type="submit" variant="primary" loading={pending}>Save</Button>
        <Button variant="ghost" onClick={() => setEditing(false)}>Cancel</Button>
      </div>
    </form>
  );
}
