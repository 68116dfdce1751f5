"use client";
import { KeyRound, Trash, Webhook } from "lucide-react";
import Link from "next/link";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { deleteIntegrationAction, rotateSecretAction, type CreatedSecret } from "@/lib/actions/integrations";
import type { IntegrationSummary } from "@/lib/server/queries/integrations";
import { PROVIDER_LABELS } from "@/lib/validation/integrations";
import { cn } from "@/lib/utils/cn";
import { CopyField } from "./copy-field";
import { DeliveryStatusBadge } from "./delivery-status";
import { SecretReveal } from "./secret-reveal";

type Confirm = { kind: "rotate" | "delete"; integration: IntegrationSummary } | null;

export function IntegrationList({ integrations, projectKey, selectedId }: { integrations: IntegrationSummary[]; projectKey: string; selectedId: string | null }) {
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [rotated, setRotated] = useState<CreatedSecret | null>(null);
  const [pending, startTransition] = useTransition();

  if (integrations.length === 0) {
    return <EmptyState icon={<Webhook />} title="No integrations yet" description="Add one above: builds, pull requests and deployments then appear on the cards they mention." />;
  }
  const run = () =>
    startTransition(async () => {
      if (!confirm) return;
      const { kind, integration } = confirm;
      if (kind === "rotate") {
        const result = await rotateSecretAction(integration.id);
        if (result.ok) setRotated(result.data);
        else toast.error(result.message);
      } else {
        const result = await deleteIntegrationAction(integration.id);
        toast[result.ok ? "success" : "error"](result.ok ? `${integration.name} removed` : result.message);
      }
      setConfirm(null);
    });

  return (
    <div className="flex flex-col gap-3">
      {rotated ? <SecretReveal key={rotated.secret} created={rotated} /> : null}
      <ul className="flex flex-col gap-3">
        {integrations.map((integration) => (
          <li key={integration.id} className={cn("flex flex-col gap-3 rounded-xl border bg-surface p-4", integration.id === selectedId ? "border-accent" : "border-border")}>
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="font-semibold">{integration.name}</h3>
              <span className="text-xs text-muted">{PROVIDER_LABELS[integration.provider]} · {integration.repository ?? "any repository"}</span>
              {integration.lastDelivery ? (
                <span className="flex items-center gap-1 text-xs text-muted">
                  last delivery <DeliveryStatusBadge status={integration.lastDelivery.status} />
                </span>
              ) : (
                <span className="text-xs text-muted">no deliveries yet</span>
              )}
              <span className="ml-auto flex gap-1">
                <Link href={`/${projectKey}/settings/integrations?integration=${integration.id}`} className="rounded-md px-2 py-1 text-sm text-accent hover:bg-surface-2">
                  Delivery log
                </Link>
                <Button size="sm" variant="ghost" onClick={() => setConfirm({ kind: "rotate", integration })}>
                  <KeyRound aria-hidden /> Rotate secret
                </Button>
                <Button size="sm" variant="ghost" aria-label={`Delete ${integration.name}`} onClick={() => setConfirm({ kind: "delete", integration })}>
                  <Trash aria-hidden />
                </Button>
              </span>
            </div>
            <CopyField label="Webhook URL" value={integration.webhookUrl} />
          </li>
        ))}
      </ul>
      <Dialog open={confirm !== null} onOpenChange={(open) => !open && setConfirm(null)}>
        {confirm ? (
          <DialogContent
            size="sm"
            title={confirm.kind === "rotate" ? `Rotate the secret of ${confirm.integration.name}?` : `Delete ${confirm.integration.name}?`}
            description={
              confirm.kind === "rotate"
                ? "Deliveries signed with the current secret are refused from now on, until you enter the new one at the provider."
                : "Its delivery log and the builds, pull requests and deployments it brought are removed from every card."
            }
          >
            <DialogFooter>
              <DialogClose asChild>
                <Button>Cancel</Button>
              </DialogClose>
              <Button variant={confirm.kind === "delete" ? "danger" : "primary"} loading={pending} onClick={run}>
                {confirm.kind === "rotate" ? "Rotate secret" : "Delete integration"}
              </Button>
            </DialogFooter>
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}
