// Running Scrum in the browser (issue 10): the backlog row menu by pointer and keyboard, starting
// a sprint over capacity, adding cards to the running sprint, the Scrum board's counts and header,
// completing a sprint from the board, a new card brought into view, started and done cards kept
// out of the backlog. Every test makes its own Scrum project in the demo team.
import { expect as baseExpect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createCard, createProject, storageStatePath } from "./support";

test.use({ storageState: storageStatePath("po") });
// Waits that pass in a second on an idle machine; a busy one (parallel builds) needs the margin.
const expect = baseExpect.configure({ timeout: 30_000 });
// Each test walks a whole flow through several pages and server actions.
test.beforeEach(() => test.slow());

type Sprint = { id: string; name: string };

async function columnIds(request: APIRequestContext, projectKey: string): Promise<Record<string, string>> {
  const board = await (await request.get(`/api/v1/projects/${projectKey}/board`)).json();
  return Object.fromEntries(board.columns.map((c: { id: string; name: string }) => [c.name, c.id]));
}

async function scrumProject(request: APIRequestContext, titles: string[], estimate = 3) {
  const project = await createProject(request, { mode: "scrum", prefix: "SC" });
  const cards = [];
  for (const title of titles) cards.push(await createCard(request, project.key, { title, estimate }));
  return { key: project.key, cards };
}

async function sprint(request: APIRequestContext, projectKey: string, data: Record<string, unknown>, cardKeys: string[] = []): Promise<Sprint> {
  const created = await request.post(`/api/v1/projects/${projectKey}/sprints`, { data });
  expect(created.status(), await created.text()).toBe(201);
  const body = (await created.json()) as Sprint;
  if (cardKeys.length) expect((await request.post(`/api/v1/sprints/${body.id}/cards`, { data: { cardKeys } })).ok()).toBe(true);
  return body;
}

const start = async (request: APIRequestContext, id: string) => expect((await request.post(`/api/v1/sprints/${id}/start`, { data: {} })).ok()).toBe(true);
const move = async (request: APIRequestContext, cardKey: string, toColumnId: string) =>
  expect((await request.post(`/api/v1/cards/${cardKey}/move`, { data: { toColumnId } })).ok()).toBe(true);

const rowKeys = (page: Page, region: string) =>
  page
    .getByRole("region", { name: region, exact: true })
    .locator("li[data-key]")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-key")));

/** Fails the test on any uncaught error in the page (the row menu used to crash it). */
function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test("the backlog row menu moves cards and opens them, by pointer and by keyboard", async ({ page, request }) => {
  const errors = watchErrors(page);
  const { key, cards } = await scrumProject(request, ["Alpha", "Bravo", "Charlie", "Delta"]);
  const [a, b, c, d] = cards.map((card) => card.key);
  await sprint(request, key, { name: "Sprint 1" });
  await page.goto(`/${key}/backlog`);
  await expect.poll(() => rowKeys(page, "Backlog")).toEqual([a, b, c, d]);

  // Pointer: Charlie to the top.
  await page.getByRole("button", { name: `Actions for ${c}` }).click();
  await page.getByRole("menuitem", { name: "Move to top of backlog" }).click();
  await expect.poll(() => rowKeys(page, "Backlog")).toEqual([c, a, b, d]);

  // Keyboard: Alpha to the bottom, then into Sprint 1.
  await page.getByRole("button", { name: `Actions for ${a}` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Move to top of backlog" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Move to bottom of backlog" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(() => rowKeys(page, "Backlog")).toEqual([c, b, d, a]);

  await page.getByRole("button", { name: `Actions for ${a}` }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Sprint 1" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(() => rowKeys(page, "Sprint 1")).toEqual([a]);
  await expect.poll(() => rowKeys(page, "Backlog")).toEqual([c, b, d]);

  // Open the card, by keyboard: the menu's last item.
  await page.getByRole("button", { name: `Actions for ${d}` }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("End");
  await expect(page.getByRole("menuitem", { name: `Open ${d}` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/${key}/cards/${d}$`));
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue("Delta");

  // And by pointer.
  await page.goto(`/${key}/backlog`);
  await page.getByRole("button", { name: `Actions for ${b}` }).click();
  await page.getByRole("menuitem", { name: `Open ${b}` }).click();
  await expect(page).toHaveURL(new RegExp(`/${key}/cards/${b}$`));
  expect(errors).toEqual([]);
});

test("starting a sprint over capacity shows the commitment and a warning first", async ({ page, request }) => {
  const { key, cards } = await scrumProject(request, ["One", "Two"]);
  await sprint(request, key, { name: "Sprint 1", capacity: 5, goal: "Ship the checkout" }, cards.map((card) => card.key));
  await page.goto(`/${key}/backlog`);

  await page.getByRole("region", { name: "Sprint 1" }).getByRole("button", { name: "Start sprint" }).click();
  const dialog = page.getByRole("dialog", { name: "Start Sprint 1" });
  await expect(dialog.getByText("2 cards · 6 pts")).toBeVisible();
  await expect(dialog.getByText("Ship the checkout")).toBeVisible();
  await expect(dialog.getByRole("alert")).toContainText("Over capacity by 1 pt.");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("region", { name: /^Active sprint/ })).toHaveCount(0);

  await page.getByRole("region", { name: "Sprint 1" }).getByRole("button", { name: "Start sprint" }).click();
  await dialog.getByRole("button", { name: "Start anyway" }).click();
  await expect(page.getByText("Sprint 1 started: 2 cards, 6 pts committed.")).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("region", { name: "Active sprint Sprint 1" })).toBeVisible();
});

test("cards join the running sprint from the row menu and the bulk bar, and show on the board", async ({ page, request }) => {
  const { key, cards } = await scrumProject(request, ["Running", "Late one", "Late two", "Late three"]);
  const running = await sprint(request, key, { name: "Sprint 1" }, [cards[0]!.key]);
  await start(request, running.id);
  await page.goto(`/${key}/backlog`);
  const active = "Active sprint Sprint 1";
  await expect.poll(() => rowKeys(page, active)).toEqual([cards[0]!.key]);

  await page.getByRole("button", { name: `Actions for ${cards[1]!.key}` }).click();
  await page.getByRole("menuitem", { name: "Sprint 1 (active)" }).click();
  await expect.poll(() => rowKeys(page, active)).toEqual([cards[0]!.key, cards[1]!.key]);

  await page.getByRole("checkbox", { name: `Select ${cards[2]!.key}` }).check();
  await page.getByRole("checkbox", { name: `Select ${cards[3]!.key}` }).check();
  await page.getByRole("toolbar", { name: "Selected cards" }).getByRole("combobox", { name: "Move selected cards to" }).selectOption({ label: "Sprint 1 (active)" });
  await expect.poll(() => rowKeys(page, active)).toEqual(cards.map((card) => card.key));
  await expect(page.getByRole("region", { name: active }).getByText("0 of 4 cards done")).toBeVisible();

  await page.goto(`/${key}/board`);
  for (const card of cards) await expect(page.getByRole("button", { name: `${card.key} ${card.title}`, exact: true })).toBeVisible();
  const report = await (await request.get(`/api/v1/sprints/${running.id}`)).json();
  expect(report.scopeChanges.filter((change: { kind: string }) => change.kind === "ADDED")).toHaveLength(3);
});

test("a Scrum board counts and limits only the sprint's cards, and says so when no sprint runs", async ({ page, request }) => {
  const { key, cards } = await scrumProject(request, ["Stale 1", "Stale 2", "Stale 3", "Sprint A", "Sprint B"]);
  const columns = await columnIds(request, key);
  expect((await request.patch(`/api/v1/projects/${key}/columns/${columns.Review}`, { data: { wipLimit: 3 } })).ok()).toBe(true);
  for (const card of cards.slice(0, 3)) await move(request, card.key, columns.Review!);

  await page.goto(`/${key}/board`);
  await expect(page.getByText("No sprint is running")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Review", level: 2 })).toHaveCount(0);
  await page.getByRole("link", { name: "Go to the backlog" }).click();
  await expect(page).toHaveURL(new RegExp(`/${key}/backlog`));

  const running = await sprint(request, key, { name: "Sprint 1" }, [cards[3]!.key, cards[4]!.key]);
  await start(request, running.id);
  await page.goto(`/${key}/board`);
  const review = page.getByRole("region", { name: "Review", exact: true });
  await expect(page.getByLabel("0 of 3 cards", { exact: true })).toBeVisible();
  for (const card of cards.slice(0, 3)) await expect(page.getByText(card.title, { exact: true })).toHaveCount(0);

  // By keyboard, Sprint A into Review: allowed, the three stale cards do not count.
  const sprintA = page.getByRole("button", { name: `${cards[3]!.key} Sprint A`, exact: true });
  await sprintA.focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByText(`${cards[3]!.key} moved to Review, position 1 of 1.`)).toBeAttached();
  await page.keyboard.press("Space");
  await expect(review.getByRole("button", { name: `${cards[3]!.key} Sprint A`, exact: true })).toBeVisible();
  await expect(page.getByLabel("1 of 3 cards", { exact: true })).toBeVisible();
  await expect.poll(async () => (await (await request.get(`/api/v1/cards/${cards[3]!.key}`)).json()).column.name).toBe("Review");
});

test("a product owner completes the sprint from the board's header", async ({ page, request }) => {
  const { key, cards } = await scrumProject(request, ["Finished", "Unfinished"]);
  const running = await sprint(request, key, { name: "Sprint 1", goal: "Checkout works end to end", capacity: 8 }, cards.map((card) => card.key));
  await start(request, running.id);
  const columns = await columnIds(request, key);
  await move(request, cards[0]!.key, columns.Done!);

  await page.goto(`/${key}/board`);
  const header = page.getByRole("region", { name: "Sprint Sprint 1" });
  await expect(header.getByRole("link", { name: "Sprint 1" })).toBeVisible();
  await expect(header.getByText("Checkout works end to end")).toBeVisible();
  await expect(header.getByText("Committed 6 pts")).toBeVisible();
  await expect(header.getByRole("meter", { name: "Points done" })).toHaveAttribute("aria-valuetext", "3 of 6 points done");
  await expect(header.getByText(/13 days left|14 days left/)).toBeVisible();

  await header.getByRole("button", { name: "Complete sprint" }).click();
  const dialog = page.getByRole("dialog", { name: "Complete Sprint 1" });
  await dialog.getByLabel("The top of the backlog").check();
  await dialog.getByRole("button", { name: "Complete sprint" }).click();
  await expect(page.getByText("Completed 3 pts in 1 cards of 6 pts committed. 1 unfinished card moved to the top of the backlog.")).toBeVisible();
  await expect(page.getByText("No sprint is running")).toBeVisible();

  // Closed on its first day of fourteen: the report shows the days it ran, and the planned ones labelled.
  await page.goto(`/${key}/sprints/${running.id}`);
  await expect(page.getByText(/^Ran \w{3} \d+ – \w{3} \d+, closed 1[34] days early \(planned \w{3} \d+ – \w{3} \d+\)/)).toBeVisible();
});

test("the backlog lists work not started, with started and done cards behind a switch", async ({ page, request }) => {
  const { key, cards } = await scrumProject(request, ["Waiting", "Underway", "Shipped"]);
  const columns = await columnIds(request, key);
  await move(request, cards[1]!.key, columns["In progress"]!);
  await move(request, cards[2]!.key, columns.Done!);
  await page.goto(`/${key}/backlog`);
  await expect.poll(() => rowKeys(page, "Backlog")).toEqual([cards[0]!.key]);

  await page.getByRole("button", { name: "Show 2 started or done" }).click();
  await expect.poll(() => rowKeys(page, "Backlog")).toEqual(cards.map((card) => card.key));
  const backlog = page.getByRole("region", { name: "Backlog", exact: true });
  await expect(backlog.getByText("In progress", { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/[?&]show=all/);
  await page.getByRole("button", { name: "Hide started and done" }).click();
  await expect.poll(() => rowKeys(page, "Backlog")).toEqual([cards[0]!.key]);
});

test("a card made with New card is brought into view even past Show more", async ({ page, request }) => {
  const { key } = await scrumProject(request, ["First", "Second", "Third"]);
  await page.goto(`/${key}/backlog?limit=2`);
  await expect(page.getByRole("button", { name: "Show 200 more" })).toBeVisible();

  await page.getByRole("button", { name: "New card" }).click();
  const dialog = page.getByRole("dialog", { name: "New card" });
  await dialog.getByLabel("Title").fill("Freshly written");
  await dialog.getByRole("button", { name: "Create card" }).click();
  const row = page.locator(`li[data-key="${key}-4"]`);
  await expect(row.getByRole("link", { name: "Freshly written" })).toBeInViewport();
  await expect(row).toBeFocused();
});
