// Scrum backlog and sprints, end to end: reorder by pointer and by keyboard, plan a sprint by
// dragging, start it, see it on the board, complete it with unfinished cards, and a viewer's
// read-only backlog. Every test makes its own Scrum project in the demo team.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { createCard, createProject, storageStatePath } from "./support";

test.use({ storageState: storageStatePath("po") });

/** Runs `act` and waits for the server action it triggers (a POST carrying Next's action header). */
async function afterAction(page: Page, act: () => Promise<void>) {
  const done = page.waitForResponse((res) => res.request().method() === "POST" && "next-action" in res.request().headers());
  await act();
  await done;
}

/** A pointer drag from a handle to the middle of `target`, in small steps as a person would. */
async function drag(page: Page, handle: Locator, target: Locator) {
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 25 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + 1, { steps: 2 });
  await page.mouse.up();
}

const handles = (section: Locator) => section.getByRole("button", { name: /^Reorder / });
const keysIn = (section: Locator) => handles(section).evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label")!.replace("Reorder ", "")));

async function scrumProject(page: Page, cards: number) {
  const project = await createProject(page.request, { mode: "scrum", prefix: "BL" });
  for (let i = 1; i <= cards; i++) await createCard(page.request, project.key, { title: `Item ${i}`, estimate: 3 });
  return { key: project.key, keys: Array.from({ length: cards }, (_, i) => `${project.key}-${i + 1}`) };
}

test("reorders by pointer and by keyboard, and the order persists", { tag: "@postgres" }, async ({ page }) => {
  const { key, keys } = await scrumProject(page, 12);
  await page.goto(`/${key}/backlog`);
  const backlog = page.getByRole("region", { name: "Backlog" });
  await expect.poll(() => keysIn(backlog)).toEqual(keys);

  // Pointer: the card at position 10 to position 2.
  const rows = backlog.getByRole("listitem");
  await afterAction(page, () => drag(page, handles(backlog).nth(9), rows.nth(1)));
  const afterPointer = [keys[0], keys[9], ...keys.slice(1, 9), keys[10], keys[11]];
  await expect.poll(() => keysIn(backlog)).toEqual(afterPointer);

  // Keyboard: focus the last card's handle, pick it up, five places up, drop.
  await page.getByRole("button", { name: `Reorder ${keys[11]}` }).focus();
  await page.keyboard.press("Space");
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press("ArrowUp");
    await page.waitForTimeout(150);
  }
  await afterAction(page, () => page.keyboard.press("Space"));
  const afterKeyboard = [...afterPointer.slice(0, 6), keys[11], ...afterPointer.slice(6, 11)];
  await expect.poll(() => keysIn(backlog)).toEqual(afterKeyboard);

  await page.reload();
  await expect.poll(() => keysIn(page.getByRole("region", { name: "Backlog" }))).toEqual(afterKeyboard);
});

test("plans, starts and completes a sprint", async ({ page }) => {
  test.slow(); // a whole sprint: five drags, the board and the close
  const { key, keys } = await scrumProject(page, 8);
  await page.goto(`/${key}/backlog`);
  await page.getByRole("button", { name: "Create sprint" }).click();
  const dialog = page.getByRole("dialog", { name: "Create sprint" });
  await dialog.getByLabel("Name").fill("Sprint 1");
  await dialog.getByLabel("Capacity (points)").fill("10");
  await afterAction(page, () => dialog.getByRole("button", { name: "Create sprint" }).click());
  await expect(dialog).toBeHidden(); // a modal dialog blocks pointer events on the page until it closes

  // Five cards dragged from the top of the backlog into the sprint: 15 points against 10.
  const sprint = page.getByRole("region", { name: "Sprint 1" });
  const backlog = page.getByRole("region", { name: "Backlog" });
  await expect(sprint.getByText("0 of 10 pts")).toBeVisible(); // the new section has pushed the backlog down
  for (let planned = 1; planned <= 5; planned++) {
    await afterAction(page, () => drag(page, handles(backlog).first(), sprint.getByRole("list")));
    await expect(handles(sprint)).toHaveCount(planned);
  }
  await expect(sprint.getByText("15 of 10 pts")).toBeVisible();
  await expect(sprint.getByText("Over capacity by 5 pts")).toBeVisible();
  const plannedKeys = await keysIn(sprint);
  expect([...plannedKeys].sort()).toEqual(keys.slice(0, 5).sort());

  await sprint.getByRole("button", { name: "Start sprint" }).click();
  const starting = page.getByRole("dialog", { name: "Start Sprint 1" });
  await expect(starting.getByRole("alert")).toContainText("Over capacity by 5 pts.");
  await afterAction(page, () => starting.getByRole("button", { name: "Start anyway" }).click());
  await expect(page.getByRole("region", { name: "Active sprint Sprint 1" })).toBeVisible();
  await page.goto(`/${key}/board`);
  for (let i = 1; i <= 5; i++) await expect(page.getByText(`Item ${i}`, { exact: true })).toBeVisible();

  // Three of the five are done; two are not.
  const board = await (await page.request.get(`/api/v1/projects/${key}/board`)).json();
  const done = board.columns.find((column: { category: string }) => column.category === "done");
  for (const cardKey of keys.slice(0, 3)) {
    const card = await (await page.request.get(`/api/v1/cards/${cardKey}`)).json();
    const moved = await page.request.post(`/api/v1/cards/${cardKey}/move`, { data: { toColumnId: done.id, version: card.version } });
    expect(moved.status(), await moved.text()).toBe(200);
  }

  await page.goto(`/${key}/backlog`);
  await page.getByRole("button", { name: "Complete sprint" }).click();
  const complete = page.getByRole("dialog", { name: "Complete Sprint 1" });
  await expect(complete.getByLabel("A new sprint")).toBeChecked();
  await complete.getByRole("button", { name: "Complete and move to a new sprint" }).click();
  await expect(complete).toBeHidden();
  await expect(page.getByText("Completed 9 pts in 3 cards of 15 pts committed. 2 unfinished cards moved to Sprint 2.")).toBeVisible();

  const next = page.getByRole("region", { name: "Sprint 2" });
  await expect(next.getByText("Item 4", { exact: true })).toBeVisible();
  await expect(next.getByText("Item 5", { exact: true })).toBeVisible();
  await expect(handles(next)).toHaveCount(2);
  await expect(page.getByRole("region", { name: /^Active sprint/ })).toHaveCount(0);
});

test("a product owner plans a card that is not ready, with a reason the card keeps", async ({ page }) => {
  const project = await createProject(page.request, { mode: "scrum", prefix: "DR" });
  const ready = { enabled: true, items: [{ text: "Acceptance criteria written", kind: "manual" }] };
  expect((await page.request.put(`/api/v1/projects/${project.key}/dod`, { data: { items: [], ready } })).ok()).toBe(true);
  const card = await createCard(page.request, project.key, { title: "Gift wrapping", estimate: 2 });
  expect((await page.request.post(`/api/v1/projects/${project.key}/sprints`, { data: { name: "Sprint 1" } })).ok()).toBe(true);

  await page.goto(`/${project.key}/backlog`);
  const sprint = page.getByRole("region", { name: "Sprint 1" });
  const backlog = page.getByRole("region", { name: "Backlog" });
  await afterAction(page, () => drag(page, handles(backlog).first(), sprint.getByRole("list")));
  await expect(page.getByText(`Not ready for a sprint: ${card.key} Acceptance criteria written.`)).toBeVisible();
  await expect(handles(sprint)).toHaveCount(0);

  await page.getByRole("button", { name: "Plan anyway…" }).click();
  const confirm = page.getByRole("dialog", { name: `Plan ${card.key} anyway?` });
  await expect(confirm.getByRole("listitem")).toHaveText([`${card.key}: Acceptance criteria written`]);
  await confirm.getByLabel("Reason").fill("Criteria agreed verbally with the customer");
  await confirm.getByRole("button", { name: "Plan anyway" }).click();
  await expect(confirm).toBeHidden();
  await expect(handles(sprint)).toHaveCount(1);

  await page.goto(`/${project.key}/cards/${card.key}`);
  await expect(page.getByText("planned it into a sprint before it was ready: Criteria agreed verbally with the customer")).toBeVisible();
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("sees the backlog without reorder handles, and the API refuses to rank", async ({ page, browser }) => {
    const owner = await browser.newContext({ storageState: storageStatePath("po") });
    const { key, keys } = await scrumProject(await owner.newPage(), 3);
    await owner.close();

    await page.goto(`/${key}/backlog`);
    const backlog = page.getByRole("region", { name: "Backlog" });
    await expect(backlog.getByText("Item 3", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Reorder / })).toHaveCount(0);
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create sprint" })).toHaveCount(0);
    const res = await page.request.post(`/api/v1/cards/${keys[2]}/rank`, { data: { beforeKey: keys[0] } });
    expect(res.status()).toBe(403);
  });
});
