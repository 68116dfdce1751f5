// The demo workspace on a fresh server shows the whole product: the Scrum project's closed
// sprints with real numbers, its running sprint with cards of different ages, CI/CD on cards, and
// an integration whose webhook URL is the address the browser uses (not 0.0.0.0). Read-only.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, storageStatePath } from "./support";

test.describe("as the product owner", () => {
  test.use({ storageState: storageStatePath("po") });

  test("the Scrum project has closed sprints whose reports add up", async ({ page }) => {
    await page.goto("/projects");
    await expect(page.getByRole("link", { name: /Payments service/ }).first()).toBeVisible();
    await page.goto("/PAY/sprints");
    const closed = page.locator("section", { has: page.getByRole("heading", { name: "Closed" }) });
    await expect(closed.getByRole("listitem")).toHaveCount(3);
    await expect(closed.getByRole("listitem").filter({ hasText: "Sprint 2" })).toContainText("Completed 21 pts of 18 pts committed (117%) · 4 cards");
    await expect(page.locator("section", { has: page.getByRole("heading", { name: "Active" }) })).toContainText("Sprint 4");

    await closed.getByRole("link", { name: "Sprint 1" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Sprint 1/ })).toBeVisible();
    const tile = (label: string) => page.locator("dl > div", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) });
    await expect(tile("Committed")).toContainText("19 pts");
    await expect(tile("Completed")).toContainText("11 pts");
    await expect(tile("Not done")).toContainText("1 card");
  });

  test("the running sprint's board shows cards of different work item ages and their pipelines", async ({ page }) => {
    await page.goto("/PAY/board");
    await expect(page.getByText("Saved cards and one-click checkout")).toBeVisible();
    // Work item ages of the started, unfinished cards (three of the sprint's five: one is finished,
    // one not started; its epic stays off the board), each from its own start.
    const ages = await page.getByTitle(/^Work item age: /).allTextContents();
    expect(ages.length).toBe(3);
    expect(new Set(ages.map((age) => Number.parseInt(age))).size).toBe(3);

    await page.goto("/PAY/cards/PAY-16");
    await expect(page.getByLabel("Title")).toHaveValue("Remove a saved card");
    await expect(page.getByText(/staging/).first()).toBeVisible();
    await expect(page.getByText(/#116/).first()).toBeVisible();
  });
});

test("an admin sees the webhook URL at the address the browser uses, and the delivery log", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ storageState: storageStatePath("admin") });
  const page = await context.newPage();
  await page.goto("/PAY/settings/integrations");
  const url = page.locator("li", { hasText: "GitHub acme/payments" }).locator("code");
  await expect(url).toHaveText(new RegExp(`^${baseURL}/api/webhooks/github/\\w+$`));
  await page.getByRole("link", { name: "Delivery log" }).click();
  await expect(page.getByText("deployment_status").first()).toBeVisible();
  await context.close();
});

test("signing in from a deep link lands on that page, on the same host", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/PAY/sprints");
  await expect(page).toHaveURL(/\/sign-in\?/);
  await page.getByLabel("Email").fill("dev@example.com");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${baseURL}/PAY/sprints`);
  await expect(page.getByRole("link", { name: "Sprint 3" })).toBeVisible();
  await context.close();
});
