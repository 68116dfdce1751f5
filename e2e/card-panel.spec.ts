// The card side panel on the board (issue 10): a card refused at Done is fixed from the panel
// (Definition of Done ticked there, Development shown), by keyboard and by pointer, and closing
// the panel gives focus back to the card; Ready items ticked on the card page let a product owner
// plan it without "Plan anyway"; unsaved edits survive another person's save.
import { expect as baseExpect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { createCard, createProject, dragOver, storageStatePath, type DemoRole } from "./support";

test.use({ storageState: storageStatePath("po") });
const expect = baseExpect.configure({ timeout: 20_000 });
test.beforeEach(() => test.slow());

async function as(browser: Browser, role: DemoRole) {
  const context = await browser.newContext({ storageState: storageStatePath(role) });
  return { context, page: await context.newPage(), request: context.request };
}

async function defineChecklists(request: APIRequestContext, projectKey: string, done: string[], ready?: string[]) {
  const res = await request.put(`/api/v1/projects/${projectKey}/dod`, {
    data: { items: done.map((text) => ({ text, kind: "manual" })), ...(ready && { ready: { enabled: true, items: ready.map((text) => ({ text, kind: "manual" })) } }) },
  });
  expect(res.ok(), await res.text()).toBe(true);
}

const cardOnBoard = (page: Page, card: { key: string; title: string }) => page.getByRole("button", { name: `${card.key} ${card.title}`, exact: true });
const column = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

test("a member refused at Done ticks the Definition of Done in the side panel and moves the card, by keyboard and by pointer", async ({ browser, request }) => {
  const project = await createProject(request, { prefix: "CP" });
  await defineChecklists(request, project.key, ["Code reviewed", "Docs updated"]);
  const byKeyboard = await createCard(request, project.key, { title: "Gift cards" });
  const byPointer = await createCard(request, project.key, { title: "Saved carts" });
  const { page, context } = await as(browser, "dev");
  await page.goto(`/${project.key}/board`);

  // Keyboard: refused at Done, Enter opens the panel, the items are ticked with Space.
  const card = cardOnBoard(page, byKeyboard);
  await card.focus();
  await page.keyboard.press("Space");
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Space");
  await expect(page.getByText(/The Definition of Done is not met: Code reviewed; Docs updated/)).toBeVisible();
  await expect(column(page, "To do").getByRole("button", { name: `${byKeyboard.key} ${byKeyboard.title}` })).toBeVisible();
  await expect(card).toBeFocused();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog", { name: new RegExp(`^${byKeyboard.key}`) });
  await expect(panel.getByRole("heading", { name: /Definition of Done/ })).toBeVisible();
  await expect(panel.getByRole("heading", { name: "Development" })).toBeVisible();
  await expect(panel.getByText("No CI/CD activity yet")).toBeVisible();
  await expect(panel.getByTestId("dod-progress")).toHaveText("0/2");
  for (const item of ["Code reviewed", "Docs updated"]) {
    await panel.getByRole("checkbox", { name: item }).focus();
    await page.keyboard.press("Space");
    await expect(panel.getByRole("checkbox", { name: item })).toBeChecked();
  }
  await expect(panel.getByTestId("dod-progress")).toHaveText("2/2");
  await expect(panel.getByTestId("history-entry").filter({ hasText: "Dev Patel ticked “Docs updated”" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  // Focus is back on the card that opened the panel, so the move goes on from there.
  await expect(card).toBeFocused();
  await page.keyboard.press("Space");
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Space");
  await expect(column(page, "Done").getByRole("button", { name: `${byKeyboard.key} ${byKeyboard.title}` })).toBeVisible();
  await expect.poll(async () => (await (await request.get(`/api/v1/cards/${byKeyboard.key}`)).json()).column.name).toBe("Done");

  // Pointer: dragged to Done and refused, opened with a click, ticked, closed, dragged again.
  const other = cardOnBoard(page, byPointer);
  await dragOver(page, other, column(page, "Done"));
  await page.mouse.up();
  await expect(page.getByText(/The Definition of Done is not met: Code reviewed; Docs updated/).first()).toBeVisible();
  await expect(column(page, "To do").getByRole("button", { name: `${byPointer.key} ${byPointer.title}` })).toBeVisible();
  await other.click();
  const second = page.getByRole("dialog", { name: new RegExp(`^${byPointer.key}`) });
  await second.getByRole("checkbox", { name: "Code reviewed" }).click();
  await expect(second.getByRole("checkbox", { name: "Code reviewed" })).toBeChecked();
  await second.getByRole("checkbox", { name: "Docs updated" }).click();
  await expect(second.getByTestId("dod-progress")).toHaveText("2/2");
  await second.getByRole("button", { name: "Close card" }).click();
  await expect(second).toBeHidden();
  await dragOver(page, other, column(page, "Done"));
  await page.mouse.up();
  await expect(column(page, "Done").getByRole("button", { name: `${byPointer.key} ${byPointer.title}` })).toBeVisible();
  await expect.poll(async () => (await (await request.get(`/api/v1/cards/${byPointer.key}`)).json()).column.name).toBe("Done");
  await context.close();
});

test("a product owner ticks a card's Ready items, estimates it, and plans it without Plan anyway", async ({ page, request }) => {
  const project = await createProject(request, { mode: "scrum", prefix: "CR" });
  await defineChecklists(request, project.key, [], ["Acceptance criteria written", "Estimated by the team"]);
  const sprint = await (await request.post(`/api/v1/projects/${project.key}/sprints`, { data: { name: "Sprint 1" } })).json();
  const card = await createCard(request, project.key, { title: "Wish lists" });

  await page.goto(`/${project.key}/cards/${card.key}`);
  const ready = page.getByRole("region", { name: /Definition of Ready/ });
  await expect(ready.getByTestId("dor-progress")).toHaveText("0/2");
  await expect(ready.getByText("Met once the card has an estimate")).toBeVisible();
  await ready.getByRole("checkbox", { name: "Acceptance criteria written" }).click();
  await expect(ready.getByRole("checkbox", { name: "Acceptance criteria written" })).toBeChecked();
  await expect(ready.getByTestId("dor-progress")).toHaveText("1/2");
  // The estimation item is met by the estimate itself, not by a tick.
  await expect(ready.getByRole("checkbox", { name: "Estimated by the team" })).toHaveCount(0);
  await page.getByLabel("Estimate (points)").fill("5");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(ready.getByText("Met by the estimate (5 points)")).toBeVisible();
  await expect(ready.getByTestId("dor-progress")).toHaveText("2/2");
  await expect(ready.getByText("Ready for a sprint")).toBeVisible();

  await page.goto(`/${project.key}/backlog`);
  await page.getByRole("button", { name: `Actions for ${card.key}` }).click();
  await page.getByRole("menuitem", { name: /^Sprint 1/ }).click();
  await expect(page.getByRole("region", { name: "Sprint 1", exact: true }).locator(`li[data-key="${card.key}"]`)).toBeVisible();
  await expect(page.getByText("Not ready for a sprint")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Plan anyway…" })).toHaveCount(0);
  expect((await (await request.get(`/api/v1/cards/${card.key}`)).json()).sprintId).toBe(sprint.id);
});

test("unsaved edits in the side panel survive another person's save, with a notice, and both changes are kept", async ({ browser, request }) => {
  const project = await createProject(request, { prefix: "CE" });
  const card = await createCard(request, project.key, { title: "Coupons", priority: "low" });
  const a = await as(browser, "dev");
  const b = await as(browser, "po");

  await a.page.goto(`/${project.key}/board?card=${card.key}`);
  const panel = a.page.getByRole("dialog", { name: new RegExp(`^${card.key}`) });
  await panel.getByLabel("Title").fill("Coupons at checkout");

  await b.page.goto(`/${project.key}/cards/${card.key}`);
  await b.page.getByLabel("Priority").selectOption("high");
  await b.page.getByRole("button", { name: "Save changes" }).click();
  await expect(b.page.getByText(`${card.key} saved`)).toBeVisible();

  await expect(panel.getByRole("alert").filter({ hasText: "Changed by Priya Owner — review" })).toBeVisible();
  await expect(panel.getByRole("alert")).toContainText("Priority: now “High”");
  await expect(panel.getByLabel("Title")).toHaveValue("Coupons at checkout");
  await expect(panel.getByLabel("Priority")).toHaveValue("high");
  await panel.getByRole("button", { name: "Save changes" }).click();
  await expect(a.page.getByText(`${card.key} saved`)).toBeVisible();
  await expect(panel.getByRole("alert")).toHaveCount(0);

  const saved = await (await request.get(`/api/v1/cards/${card.key}`)).json();
  expect({ title: saved.title, priority: saved.priority }).toEqual({ title: "Coupons at checkout", priority: "high" });

  // The history reads as sentences, each with a relative time and the exact time on hover.
  const history = panel.getByTestId("history-entry");
  await expect(history.filter({ hasText: "Priya Owner changed priority from Low to High" })).toBeVisible();
  const renamed = history.filter({ hasText: "Dev Patel renamed it from “Coupons” to “Coupons at checkout”" });
  await expect(renamed.locator("time")).toHaveText(/just now|\d+ min ago/);
  await renamed.locator("time").hover();
  await expect(a.page.getByRole("tooltip")).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
  await a.context.close();
  await b.context.close();
});

test("a Scrum card moves between the running sprint, a planned one and the backlog from its page and its side panel", async ({ page, request }) => {
  const project = await createProject(request, { mode: "scrum", prefix: "CM" });
  const card = await createCard(request, project.key, { title: "Gift wrap", estimate: 2 });
  const running = await (await request.post(`/api/v1/projects/${project.key}/sprints`, { data: { name: "Sprint 1" } })).json();
  expect((await request.post(`/api/v1/sprints/${running.id}/start`, { data: {} })).ok()).toBe(true);
  const planned = await (await request.post(`/api/v1/projects/${project.key}/sprints`, { data: { name: "Sprint 2" } })).json();

  // Pointer, on the card page: from the backlog into the running sprint.
  await page.goto(`/${project.key}/cards/${card.key}`);
  await expect(page.getByTestId("card-sprint")).toHaveText("Backlog");
  await page.getByRole("button", { name: "Move to…" }).click();
  await expect(page.getByRole("menuitem")).toHaveText(["Sprint 1 (active)", "Sprint 2"]);
  await page.getByRole("menuitem", { name: "Sprint 1 (active)" }).click();
  await expect(page.getByTestId("card-sprint")).toHaveText("Sprint 1 (active)");
  expect((await (await request.get(`/api/v1/cards/${card.key}`)).json()).sprintId).toBe(running.id);

  // Keyboard, in the board's side panel: on to the planned sprint, which takes it off the board.
  await page.goto(`/${project.key}/board`);
  const onBoard = cardOnBoard(page, card);
  await onBoard.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog", { name: new RegExp(`^${card.key}`) });
  await panel.getByRole("button", { name: "Move to…" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem")).toHaveText(["Sprint 2", "Backlog"]);
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("card-sprint")).toHaveText("Sprint 2");
  await expect(onBoard).toHaveCount(0);
  expect((await (await request.get(`/api/v1/cards/${card.key}`)).json()).sprintId).toBe(planned.id);
});

test("the New card dialog assigns the card and labels it from the team's labels or with a new one", async ({ page, request }) => {
  const project = await createProject(request, { prefix: "CL" });
  await createCard(request, project.key, { title: "Existing", labels: ["payments"] });
  await page.goto(`/${project.key}/board`);
  await page.getByRole("button", { name: "New card" }).click();
  const dialog = page.getByRole("dialog", { name: "New card" });
  await dialog.getByLabel("Title").fill("Refunds by card");
  await dialog.getByLabel("Assignee").selectOption({ label: "Dev Patel" });
  // An existing label, typed in another case, is the team's label; a new one is created.
  await dialog.getByLabel("Labels", { exact: true }).fill("PAYMENTS");
  await dialog.getByRole("button", { name: "Add" }).click();
  await dialog.getByLabel("Labels", { exact: true }).fill("gift-wrap");
  await expect(dialog.getByRole("button", { name: "Create", exact: true })).toBeVisible();
  await dialog.getByLabel("Labels", { exact: true }).press("Enter");
  await dialog.getByLabel("Labels", { exact: true }).fill("typo");
  await dialog.getByLabel("Labels", { exact: true }).press("Enter");
  await dialog.getByRole("button", { name: "Remove label typo" }).click();
  await expect(dialog.getByRole("list", { name: "Chosen labels" }).getByRole("listitem")).toHaveText(["payments", "gift-wrap"]);
  await dialog.getByRole("button", { name: "Create card" }).click();
  await expect(dialog).toBeHidden();

  const cards = (await (await request.get(`/api/v1/projects/${project.key}/cards?q=Refunds`)).json()).cards;
  expect(cards).toHaveLength(1);
  expect({ assignee: cards[0].assignee?.name, labels: cards[0].labels }).toEqual({ assignee: "Dev Patel", labels: ["payments", "gift-wrap"] });
  await expect(cardOnBoard(page, cards[0]).getByText("gift-wrap", { exact: true })).toBeVisible();
});
