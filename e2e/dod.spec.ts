// Definition of Done end to end: a product owner defines it in settings, a member is refused when
// moving an unfinished card to Done, ticks the manual items, signed CI/CD webhooks tick the
// automatic ones live, and the automation rule then moves the card. A product owner's override
// is shown on the card.
import { createHmac, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { createCard, createProject, dragOver, storageStatePath, type DemoRole } from "./support";

test.use({ storageState: storageStatePath("po") });

const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/webhooks/github");
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), "utf8")).body;

async function as(browser: Browser, role: DemoRole) {
  const context = await browser.newContext({ storageState: storageStatePath(role) });
  return { context, page: await context.newPage(), request: context.request };
}

async function columnIds(request: APIRequestContext, projectKey: string): Promise<Record<string, string>> {
  const board = await (await request.get(`/api/v1/projects/${projectKey}/board`)).json();
  return Object.fromEntries(board.columns.map((c: { id: string; name: string }) => [c.name, c.id]));
}

/** Sends a GitHub delivery signed with the integration's secret, as GitHub would. */
async function sendWebhook(request: APIRequestContext, integration: { id: string; secret: string }, event: string, body: unknown) {
  const bytes = JSON.stringify(body);
  const res = await request.post(`/api/webhooks/github/${integration.id}`, {
    data: bytes,
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": `sha256=${createHmac("sha256", integration.secret).update(bytes).digest("hex")}`,
    },
  });
  expect(res.status()).toBe(202);
}

test("a Definition of Done blocks Done until manual and automatic items are met", async ({ page, request, browser }) => {
  const project = await createProject(request, { prefix: "DD" });
  const admin = await as(browser, "admin");
  const created = await admin.request.post(`/api/v1/projects/${project.key}/integrations`, { data: { provider: "github", name: "acme/shop", repository: "acme/shop" } });
  expect(created.status()).toBe(201);
  const integration = (await created.json()) as { id: string; secret: string };
  const columns = await columnIds(request, project.key);
  expect((await request.put(`/api/v1/projects/${project.key}/automation`, { data: { rules: [{ trigger: "deployed", environment: "production", toColumnId: columns.Done }] } })).ok()).toBe(true);

  // The product owner defines the DoD in settings: two manual items and two automatic ones.
  await page.goto(`/${project.key}/settings/definition-of-done`);
  const items: Array<{ text: string; signal?: string }> = [{ text: "Code reviewed" }, { text: "Docs updated" }, { text: "Checks green", signal: "checks_green" }, { text: "Live in production", signal: "deployed" }];
  for (const [index, item] of items.entries()) {
    await page.getByRole("button", { name: "Add item", exact: true }).click();
    await page.getByLabel(`Item ${index + 1} text`).fill(item.text);
    if (item.signal) {
      await page.getByLabel(`Item ${index + 1} kind`).selectOption("auto");
      await page.getByLabel(`Item ${index + 1} signal`).selectOption(item.signal);
    }
  }
  await expect(page.getByLabel("Item 4 environment")).toHaveValue("production");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Definition of Done saved")).toBeVisible();

  const card = await createCard(request, project.key, { title: "Gift cards at checkout" });
  const sha = randomUUID().replaceAll("-", "").padEnd(40, "0");
  const pr = fixture("pull_request.opened");
  Object.assign(pr.pull_request, { number: 4711, title: `${card.key}: gift cards`, html_url: "https://github.com/acme/shop/pull/4711" });
  Object.assign(pr.pull_request.head, { ref: `feature/${card.key}-gift-cards`, sha });
  pr.number = 4711;
  await sendWebhook(request, integration, "pull_request", pr);

  // A member moves the card to Done with the keyboard and is told what is missing.
  const dev = await as(browser, "dev");
  await dev.page.goto(`/${project.key}/board`);
  await dev.page.getByRole("button", { name: `${card.key} ${card.title}`, exact: true }).focus();
  await dev.page.keyboard.press("Space");
  for (let i = 0; i < 3; i++) await dev.page.keyboard.press("ArrowRight");
  await dev.page.keyboard.press("Space");
  await expect(dev.page.getByText(/The Definition of Done is not met: Code reviewed; Docs updated; Checks green; Live in production/)).toBeVisible();
  await expect(dev.page.getByRole("button", { name: "Move anyway…" })).toHaveCount(0); // members may not override
  await expect(dev.page.getByRole("region", { name: "To do", exact: true }).getByRole("button", { name: `${card.key} ${card.title}`, exact: true })).toBeVisible();

  // The member ticks the manual items on the card page.
  await dev.page.goto(`/${project.key}/cards/${card.key}`);
  // click, not check(): the box turns checked once the server has recorded the tick.
  await dev.page.getByRole("checkbox", { name: "Code reviewed" }).click();
  await expect(dev.page.getByRole("checkbox", { name: "Code reviewed" })).toBeChecked();
  await dev.page.getByRole("checkbox", { name: "Docs updated" }).click();
  await expect(dev.page.getByRole("checkbox", { name: "Docs updated" })).toBeChecked();
  await expect(dev.page.getByTestId("dod-progress")).toHaveText("2/4");

  // CI/CD webhooks tick the automatic items while the page is open, and the rule moves the card.
  const run = fixture("workflow_run.completed-success");
  Object.assign(run.workflow_run, { id: 880_000 + Math.floor(Math.random() * 100_000), name: "ci", head_branch: `feature/${card.key}-gift-cards`, head_sha: sha, conclusion: "success", pull_requests: [] });
  await sendWebhook(request, integration, "workflow_run", run);
  await expect(dev.page.getByRole("img", { name: "Checks green: done (automatic)" })).toBeVisible({ timeout: 15_000 });
  const deployment = fixture("deployment_status.success-production");
  Object.assign(deployment.deployment, { id: 770_000 + Math.floor(Math.random() * 100_000), ref: `${card.key}-release`, sha, environment: "production" });
  Object.assign(deployment.deployment_status, { id: 660_000 + Math.floor(Math.random() * 100_000), state: "success", environment: "production" });
  await sendWebhook(request, integration, "deployment_status", deployment);
  await expect(dev.page.getByRole("img", { name: "Live in production: done (automatic)" })).toBeVisible({ timeout: 15_000 });
  await expect(dev.page.getByTestId("dod-progress")).toHaveText("4/4");
  await expect.poll(async () => (await (await request.get(`/api/v1/cards/${card.key}`)).json()).column.name, { timeout: 15_000 }).toBe("Done");

  // A product owner drags another card to Done, is refused, and moves it anyway with a reason.
  const other = await createCard(request, project.key, { title: "Hotfix banner" });
  await page.goto(`/${project.key}/board`);
  const otherOnBoard = page.getByRole("button", { name: `${other.key} ${other.title}`, exact: true });
  await dragOver(page, otherOnBoard, page.getByRole("region", { name: "Done", exact: true }));
  await page.mouse.up();
  await expect(page.getByText(/The Definition of Done is not met: Code reviewed/)).toBeVisible();
  await page.getByRole("button", { name: "Move anyway…" }).click();
  const confirm = page.getByRole("dialog", { name: `Move ${other.key} to Done anyway?` });
  await expect(confirm.getByRole("listitem")).toHaveText(["Code reviewed", "Docs updated", "Checks green", "Live in production"]);
  await confirm.getByRole("button", { name: "Move anyway" }).click();
  await expect(confirm.getByText("Give a reason: it is recorded on the card.")).toBeVisible();
  await confirm.getByLabel("Reason").fill("Legal asked for it today");
  await confirm.getByRole("button", { name: "Move anyway" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("region", { name: "Done", exact: true }).getByRole("button", { name: `${other.key} ${other.title}`, exact: true })).toBeVisible();
  await page.goto(`/${project.key}/cards/${other.key}`);
  await expect(page.getByRole("note")).toContainText("Legal asked for it today");

  await Promise.all([admin.context.close(), dev.context.close()]);
});
