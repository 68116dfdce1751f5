// CI/CD integration end to end: an admin connects GitHub in the project settings (the secret is
// shown once), real GitHub payloads signed with that secret arrive at the webhook URL, and the
// card's badge on the board and its Development panel follow.
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createCard, createProject, storageStatePath } from "./support";

test.use({ storageState: storageStatePath("admin") });

const fixture = (name: string) => JSON.parse(readFileSync(path.resolve(process.cwd(), "../shared/fixtures/webhooks/github", name), "utf8"));

/** Sends a GitHub delivery as GitHub does: the exact bytes, signed with the webhook's secret. */
async function deliver(request: APIRequestContext, url: string, secret: string, event: string, body: unknown) {
  const bytes = Buffer.from(JSON.stringify(body));
  const res = await request.post(url, {
    data: bytes,
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(bytes).digest("hex")}`,
    },
  });
  expect(res.status()).toBe(202);
}

test("a GitHub integration turns CI results into card badges and a Development panel", { tag: "@postgres" }, async ({ page, request }) => {
  const project = await createProject(request, { prefix: "P" });
  const card = await createCard(request, project.key, { title: "Checkout shows shipping costs" });
  const branch = `feature/${card.key}-shipping`;

  await page.goto(`/${project.key}/settings/integrations`);
  await page.getByLabel("Provider").selectOption("github");
  await page.getByLabel("Name").fill("GitHub acme/shop");
  await page.getByLabel("Repository").fill("acme/shop");
  await page.getByRole("button", { name: "Add integration" }).click();
  await expect(page.getByText("it will not be shown again")).toBeVisible();
  const url = (await page.getByTestId("webhook-url").textContent())!;
  const secret = (await page.getByTestId("webhook-secret").textContent())!;
  expect(url).toMatch(/\/api\/webhooks\/github\/[\w-]+$/);
  expect(secret).toMatch(/^[\w-]{32}$/);

  await page.reload();
  await expect(page.getByRole("heading", { name: "GitHub acme/shop", exact: true })).toBeVisible();
  await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);

  const failed = fixture("workflow_run.completed-failure.json").body;
  Object.assign(failed.workflow_run, { head_branch: branch, display_title: `${card.key}: shipping costs` });
  await deliver(request, url, secret, "workflow_run", failed);

  await page.goto(`/${project.key}/board`);
  const onBoard = page.getByRole("button", { name: `${card.key} ${card.title}`, exact: true });
  await expect(onBoard).toHaveAccessibleDescription(/pipeline failure/i);
  await expect(onBoard.getByText("failure", { exact: true })).toBeVisible();

  const succeeded = fixture("workflow_run.completed-success.json").body;
  Object.assign(succeeded.workflow_run, { head_branch: branch, run_started_at: new Date().toISOString(), updated_at: new Date().toISOString() });
  await deliver(request, url, secret, "workflow_run", succeeded);
  const deployed = fixture("deployment_status.success-production.json").body;
  deployed.deployment.ref = branch;
  await deliver(request, url, secret, "deployment_status", deployed);

  // The open board refreshes by itself: the deliveries publish card.updated events.
  await expect(onBoard).toHaveAccessibleDescription(/pipeline success/i, { timeout: 15_000 });
  await expect(onBoard.getByText("success", { exact: true })).toBeVisible();
  await page.goto(`/${project.key}/cards/${card.key}`);
  const panel = page.getByRole("region", { name: "Development" });
  await expect(panel.getByRole("img", { name: "test: success" })).toBeVisible();
  await expect(panel.getByRole("img", { name: "Clone and Build Workflow: failure" })).toBeVisible();
  await expect(panel.getByRole("img", { name: "production: success" })).toBeVisible();
});
