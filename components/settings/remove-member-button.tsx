"use client";
// Removing a member asks first: they lose access to every project of the team at once.
import { UserMinus } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { removeMemberAction } from "@/lib/actions/workspace";

export function RemoveMemberButton({ teamId, teamName, member }: { teamId: string; teamName: string; member: { id: string; name: string } }) {
  const [open, setOpen] = useState(false);
  const [removing, start] = useTransition();

  const confirm = () =>
    start(async () => {
      const result = await removeMemberAction(teamId, member.id);
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      toast.success(`${member.name} was removed from ${teamName}`);
      setOpen(false);
    });

  return (
    <>
      <Button size="icon" variant="ghost" aria-label={`Remove ${member.name}`} title={`Remove ${member.name}`} className="text-muted hover:text-danger" onClick={() => setOpen(true)}>
        <UserMinus aria-hidden />
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent
          title={`Remove ${member.name} from ${teamName}?`}
          description="They lose access to every project of the team at once. Their cards, comments and history stay. You can invite them again later."
          size="sm"
        >
          <DialogFooter>
            <Button variant="ghost" onClick={() => setOpen(false)}>Keep {member.name.split(" ")[0]}</Button>
            <Button variant="danger" loading={removing} onClick={confirm}>Remove member</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
