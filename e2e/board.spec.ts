// The Kanban board: moving cards by pointer and keyboard, a WIP refusal, live updates in a second
// browser, filters in the URL, and accessibility. Each test builds its own project.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { createCard, createProject, dragOver, storageStatePath } from "./support";

test.use({ storageState: storageStatePath("po") });

type ApiBoard = { columns: Array<{ id: string; name: string; cards: Array<{ key: string }> }> };

async function board(request: APIRequestContext, projectKey: string): Promise<ApiBoard> {
  const res = await request.get(`/api/v1/projects/${projectKey}/board`);
  expect(res.ok()).toBe(true);
  return res.json();
}

async function columnId(request: APIRequestContext, projectKey: string, name: string) {
  const found = (await board(request, projectKey)).columns.find((column) => column.name === name);
  if (!found) throw new Error(`no column ${name}`);
  return found.id;
}

/** Which column the server has the card in. */
async function serverColumnOf(request: APIRequestContext, projectKey: string, cardKey: string) {
  return (await board(request, projectKey)).columns.find((column) => column.cards.some((card) => card.key === cardKey))?.name;
}

const column = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const cardIn = (scope: Page | Locator, card: { key: string; title: string }) => scope.getByRole("button", { name: `${card.key} ${card.title}`, exact: true });

async function openBoard(page: Page, projectKey: string, query = "") {
  await page.goto(`/${projectKey}/board${query}`);
  await expect(page.getByRole("heading", { name: "To do", level: 2 })).toBeVisible();
}

test("a card dragged with the pointer lands in the other column and stays there after a reload", async ({ page, request }) => {
  const project = await createProject(request, { prefix: "BP" });
  const card = await createCard(request, project.key, { title: "Write the release notes" });
  await openBoard(page, project.key);

  await dragOver(page, cardIn(page, card), column(page, "Review"));
  await page.mouse.up();

  await expect(cardIn(column(page, "Review"), card)).toBeVisible();
  await expect.poll(() => serverColumnOf(request, project.key, card.key)).toBe("Review");
  await page.reload();
  await expect(cardIn(column(page, "Review"), card)).toBeVisible();
  await expect(cardIn(column(page, "To do"), card)).toHaveCount(0);
});

test("a card moved with the keyboard is announced and persists", async ({ page, request }) => {
  const project = await createProject(request, { prefix: "BK" });
  const card = await createCard(request, project.key, { title: "Rotate the signing keys" });
  await createCard(request, project.key, { title: "Another card below" });
  await openBoard(page, project.key);

  await cardIn(page, card).focus();
  await page.keyboard.press("Space");
  await expect(page.getByText(`Picked up ${card.key}. In To do, position 1 of 2.`)).toBeAttached();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByText(`${card.key} moved to In progress, position 1 of 1.`)).toBeAttached();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByText(`${card.key} moved to Review, position 1 of 1.`)).toBeAttached();
  await page.keyboard.press("Space");
  await expect(page.getByText(`Dropped ${card.key} in Review, position 1 of 1.`)).toBeAttached();

  await expect(cardIn(column(page, "Review"), card)).toBeVisible();
  await expect.poll(() => serverColumnOf(request, project.key, card.key)).toBe("Review");
  await page.reload();
  await expect(cardIn(column(page, "Review"), card)).toBeVisible();
});

test("a full column with a hard WIP limit refuses the drop, says why, and the card goes back", { tag: "@postgres" }, async ({ page, request }) => {
  const project = await createProject(request, { prefix: "BW" });
  const review = await columnId(request, project.key, "Review");
  expect((await request.patch(`/api/v1/projects/${project.key}/columns/${review}`, { data: { wipLimit: 1 } })).ok()).toBe(true);
  const inReview = await createCard(request, project.key, { title: "Already under review" });
  expect((await request.post(`/api/v1/cards/${inReview.key}/move`, { data: { toColumnId: review } })).ok()).toBe(true);
  const card = await createCard(request, project.key, { title: "Wants to go to review" });
  await openBoard(page, project.key);
  await expect(page.getByText("Hard WIP")).toBeVisible();

  await dragOver(page, cardIn(page, card), column(page, "Review"));
  await expect(page.getByText("WIP limit reached")).toBeVisible();
  await page.mouse.up();

  await expect(page.getByText("Review is at its WIP limit (1/1)", { exact: true })).toBeVisible();
  await expect(cardIn(column(page, "To do"), card)).toBeVisible();
  await page.reload();
  await expect(cardIn(column(page, "To do"), card)).toBeVisible();
  expect(await serverColumnOf(request, project.key, card.key)).toBe("To do");
});

test("a second browser sees a move within one second, without reloading", { tag: "@postgres" }, async ({ page, browser, request }) => {
  const project = await createProject(request, { prefix: "BL" });
  const card = await createCard(request, project.key, { title: "Ship the live board" });
  const done = await columnId(request, project.key, "Done");

  const other = await browser.newContext({ storageState: storageStatePath("dev") });
  const watcher = await other.newPage();
  const subscribed = watcher.waitForResponse((res) => res.url().includes(`/api/v1/projects/${project.key}/events`));
  await openBoard(watcher, project.key);
  await subscribed;
  await openBoard(page, project.key);

  expect((await request.post(`/api/v1/cards/${card.key}/move`, { data: { toColumnId: done } })).ok()).toBe(true);
  await expect(cardIn(column(watcher, "Done"), card)).toBeVisible({ timeout: 1_000 });
  await expect(cardIn(column(page, "Done"), card)).toBeVisible({ timeout: 1_000 });
  await other.close();
});

test("quick filters narrow the board and survive a reload", async ({ page, request }) => {
  const project = await createProject(request, { prefix: "BF" });
  const invoice = await createCard(request, project.key, { title: "Invoice export as CSV", type: "bug", labels: ["billing"] });
  const onboarding = await createCard(request, project.key, { title: "Onboarding email", type: "story", labels: ["growth"] });
  await openBoard(page, project.key);
  await expect(cardIn(page, onboarding)).toBeVisible();

  await page.getByRole("searchbox", { name: "Filter cards" }).fill("invoice");
  await expect(cardIn(page, onboarding)).toHaveCount(0);
  await expect(cardIn(page, invoice)).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=invoice/);

  await page.getByRole("searchbox", { name: "Filter cards" }).fill("");
  await expect(cardIn(page, onboarding)).toBeVisible();
  await page.getByRole("combobox", { name: "Type" }).selectOption("story");
  await expect(cardIn(page, invoice)).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("combobox", { name: "Type" })).toHaveValue("story");
  await expect(cardIn(page, onboarding)).toBeVisible();
  await expect(cardIn(page, invoice)).toHaveCount(0);

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(cardIn(page, invoice)).toBeVisible();
});

test("clicking a card opens it over the board, and the URL reopens it", async ({ page, request }) => {
  const project = await createProject(request, { prefix: "BD" });
  const card = await createCard(request, project.key, { title: "Peek without leaving", description: "Some **details**." });
  await openBoard(page, project.key);

  await cardIn(page, card).click();
  const drawer = page.getByRole("dialog", { name: new RegExp(card.key) });
  await expect(drawer.getByRole("textbox", { name: "Title" })).toHaveValue(card.title);
  await expect(page).toHaveURL(new RegExp(`[?&]card=${card.key}`));
  await page.reload();
  await expect(page.getByRole("dialog", { name: new RegExp(card.key) })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page).not.toHaveURL(/card=/);
});

test("the board has no serious or critical accessibility violations", async ({ page, request }) => {
  const project = await createProject(request, { prefix: "BA" });
  await createCard(request, project.key, { title: "Blocked card", blockedReason: "Waiting for the vendor", labels: ["a11y"], estimate: 3 });
  await createCard(request, project.key, { title: "Plain card", type: "bug", priority: "urgent" });
  await openBoard(page, project.key, "?lane=priority");
  await expect(page.getByRole("button", { name: /Blocked card/ })).toBeVisible();

  // @axe-core/playwright is typed against the hoisted playwright-core, a different version than
  // @playwright/test's own copy; the object is the same at runtime.
  const { violations } = await new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]["page"] }).analyze();
  const serious = violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("a product owner sets a WIP limit, reorders and deletes columns; a viewer only reads", async ({ page, request, browser }) => {
  const project = await createProject(request, { prefix: "BC" });
  const card = await createCard(request, project.key, { title: "Lives in To do" });
  await page.goto(`/${project.key}/settings/columns`);

  const review = page.getByRole("form", { name: "Column Review" });
  await review.getByLabel("WIP limit").fill("1");
  await review.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText('Saved "Review"')).toBeVisible();

  await page.getByRole("button", { name: "Move Review up" }).click();
  await expect(page.getByRole("form", { name: /^Column / })).toHaveCount(4);
  await expect.poll(async () => (await board(request, project.key)).columns.map((c) => c.name)).toEqual(["To do", "Review", "In progress", "Done"]);

  await page.getByRole("form", { name: "Column To do" }).getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("dialog", { name: 'Delete "To do"?' });
  await confirm.getByLabel("Move its cards to").selectOption({ label: "Done" });
  await confirm.getByRole("button", { name: "Delete column" }).click();
  await expect.poll(() => serverColumnOf(request, project.key, card.key)).toBe("Done");

  const viewer = await browser.newContext({ storageState: storageStatePath("viewer") });
  const viewerPage = await viewer.newPage();
  await viewerPage.goto(`/${project.key}/settings/columns`);
  await expect(viewerPage.getByText("Only product owners and admins can change the columns.")).toBeVisible();
  await expect(viewerPage.getByRole("form", { name: "Column Review" }).getByLabel("WIP limit")).toBeDisabled();
  await expect(viewerPage.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await viewer.close();
});
