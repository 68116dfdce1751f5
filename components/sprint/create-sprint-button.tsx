"use client";
import { Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SprintDialog } from "./sprint-dialog";

export function CreateSprintButton({ projectKey, suggestedName, variant = "secondary" }: { projectKey: string; suggestedName: string; variant?: "primary" | "secondary" }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant={variant} onClick={() => setOpen(true)}>
        <Plus aria-hidden /> Create sprint
      </Button>
      <SprintDialog projectKey={projectKey} suggestedName={suggestedName} open={open} onOpenChange={setOpen} />
    </>
  );
}
