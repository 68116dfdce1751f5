"use client";
import { TriangleExclamationPoint } from "lucide-react";
import type { CreatedSecret } from "@/lib/actions/integrations";
import type { Provider } from "@/lib/domain/pipeline/types";
import { CopyField } from "./copy-field";
import { SetupInstructions } from "./setup-instructions";

/** The webhook URL and the secret, shown once after creation or rotation, with setup steps. */
export function SecretReveal({ created }: { created: CreatedSecret }) {
  return (
    <div role="status" className="flex flex-col gap-4 rounded-xl border border-success bg-success-subtle p-4">
      <p className="flex items-center gap-2 text-sm font-semibold">
        <TriangleExclamationPoint aria-hidden className="size-4" />
        Copy the secret of “{created.name}” now — it will not be shown again.
      </p>
      <CopyField label="Webhook URL" value={created.webhookUrl} testId="webhook-url" />
      <CopyField label="Secret" value={created.secret} testId="webhook-secret" />
      <SetupInstructions provider={created.provider as Provider} />
    </div>
  );
}
