// How to point each provider at Shipboard, shown with the secret right after it was created or
// rotated. Only the URL and the secret differ per integration.
import { CURL_EXAMPLE, GITHUB_ACTIONS_STEP, GITLAB_CI_JOB } from "@/lib/api/webhook-examples";
import type { Provider } from "@/lib/domain/pipeline/types";
import { CopyField } from "./copy-field";

const STEPS: Record<Exclude<Provider, "generic">, string[]> = {
  github: [
    "In the repository (or organization) go to Settings → Webhooks → Add webhook.",
    "Payload URL: the webhook URL above. Content type: application/json. Secret: the secret above.",
    "Choose “Let me select individual events” and tick Workflow runs, Workflow jobs, Pull requests, Pushes, Deployments and Deployment statuses (Check runs/suites and Statuses work too).",
    "Save. GitHub sends a ping at once; it appears in the delivery log below as ignored.",
  ],
  gitlab: [
    "In the project go to Settings → Webhooks → Add new webhook.",
    "URL: the webhook URL above. Secret token: the secret above.",
    "Tick Push events, Merge request events, Pipeline events, Job events and Deployment events.",
    "Save, then use “Test” to send an event and check the delivery log below.",
  ],
  circleci: [
    "In CircleCI open Project Settings → Webhooks → Add Webhook.",
    "Receiver URL: the webhook URL above. Secret token: the secret above.",
    "Tick the Workflow Completed and Job Completed events and save.",
  ],
};

export function SetupInstructions({ provider }: { provider: Provider }) {
  if (provider !== "generic") {
    return (
      <ol className="ml-5 list-decimal space-y-1 text-sm">
        {STEPS[provider].map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    );
  }
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p>
        Any CI can report through a signed JSON POST: store the webhook URL and the secret as secret variables <code>SHIPBOARD_WEBHOOK_URL</code> and{" "}
        <code>SHIPBOARD_WEBHOOK_SECRET</code>, then add one of these as the last step. The body is documented in the API reference (OpenAPI, “Webhooks”).
      </p>
      <CopyField label="GitHub Actions step" value={GITHUB_ACTIONS_STEP} multiline />
      <CopyField label="GitLab CI jobs" value={GITLAB_CI_JOB} multiline />
      <CopyField label="Any shell (curl and openssl)" value={CURL_EXAMPLE} multiline />
    </div>
  );
}
