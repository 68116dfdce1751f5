// A day in the life of a new team (issue 10), in the browser only, from a fresh server: an owner
// signs up and names the team, creates a Scrum project, invites a member who accepts in a second
// browser; the owner, acting as product owner, writes the Definitions of Done and Ready, creates,
// estimates and readies cards, plans a sprint over capacity, starts it and adds a card to it; the
// member works the board by pointer and by keyboard (refused at a WIP limit and at Done, ticks the
// DoD in the side panel); the owner completes the sprint from the board and switches a project
// between Kanban and Scrum in its settings. The steps share one story, so they run in order.
import { expect as baseExpect, test, type BrowserContext, type Page } from "@playwright/test";
import { dragOver, keyboardMoveRight } from "./support";

// Waits that pass in a second on an idle machine; a loaded one needs the margin.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ mode: "serial" });
test.beforeEach(() => test.setTimeout(180_000));

const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const team = `Harbor crew ${id}`;
const projectKey = `H${id.toUpperCase().replace(/[^A-Z0-9]/g, "")}`.slice(0, 10);
const owner = { name: "Nora Owner", email: `nora-${id}@example.com` };
const member = { name: "Milo Member", email: `milo-${id}@example.com` };
const titles = { search: "Search by SKU", carts: "Saved carts", gifts: "Gift cards", history: "Order history" };
const keys: Record<keyof typeof titles, string> = { search: "", carts: "", gifts: "", history: "" };

let ownerContext: BrowserContext;
let memberContext: BrowserContext;
let po: Page;
let dev: Page;

test.beforeAll(async ({ browser }) => {
  ownerContext = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  memberContext = await browser.newContext();
  po = await ownerContext.newPage();
  dev = await memberContext.newPage();
});
test.afterAll(async () => {
  await ownerContext?.close();
  await memberContext?.close();
});

async function signUp(page: Page, person: { name: string; email: string }, teamName?: string) {
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  if (teamName) await page.getByLabel("Team name").fill(teamName);
  await page.getByRole("button", { name: "Create account" }).click();
}

const cardOnBoard = (page: Page, key: keyof typeof titles) => page.getByRole("button", { name: `${keys[key]} ${titles[key]}`, exact: true });
const column = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const backlogRow = (page: Page, section: string, key: keyof typeof titles) => page.getByRole("region", { name: section, exact: true }).locator(`li[data-key="${keys[key]}"]`);

const keyboardMove = (page: Page, key: keyof typeof titles, steps: number) => keyboardMoveRight(page, cardOnBoard(page, key), keys[key], steps);

test("a new user signs up, names the team and creates a Scrum project in the New project dialog", async () => {
  await po.goto("/sign-up");
  await signUp(po, owner, team);
  await expect(po).toHaveURL(/\/projects$/);
  await expect(po.getByRole("button", { name: "Switch team" })).toContainText(team);

  const dialog = po.getByRole("dialog", { name: "New project" });
  if (!(await dialog.isVisible())) await po.getByRole("button", { name: "New project" }).click();
  await dialog.getByLabel("Name").fill("Harbor shop");
  await expect(dialog.getByLabel("Key")).toHaveValue("HS");
  // Keys are unique on the whole instance: this run types its own.
  await dialog.getByLabel("Key").fill(projectKey);
  await dialog.getByLabel("Board mode").selectOption("scrum");
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(po).toHaveURL(new RegExp(`/${projectKey}/board$`));
  await expect(po.getByText("No sprint is running")).toBeVisible();
  await expect(po.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Backlog" })).toBeVisible();
});

test("the owner invites a teammate as a member, who accepts the link in another browser", async () => {
  await po.getByRole("link", { name: "Team & invitations" }).click();
  await expect(po.getByRole("heading", { name: team })).toBeVisible();
  await po.getByLabel("Email").fill(member.email);
  await po.getByRole("combobox", { name: "Role", exact: true }).selectOption("MEMBER");
  await po.getByRole("button", { name: "Create invitation" }).click();
  await expect(po.getByRole("status").filter({ hasText: "Invitation link for" })).toContainText(member.email);
  await po.getByRole("button", { name: "Copy link" }).click();
  await expect(po.getByText("Link copied")).toBeVisible();
  const link = await po.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/invite\/inv_/);

  await dev.goto(link);
  await expect(dev.getByRole("heading", { name: `Join ${team}` })).toBeVisible();
  await dev.getByRole("link", { name: "create an account" }).click();
  await signUp(dev, member);
  await expect(dev.getByRole("heading", { name: `Join ${team}` })).toBeVisible();
  await dev.getByRole("button", { name: "Accept invitation" }).click();
  await expect(dev).toHaveURL(/\/projects$/);
  await expect(dev.getByRole("button", { name: "Switch team" })).toContainText(team);
  await expect(dev.getByRole("main").getByText("Harbor shop")).toBeVisible();

  await po.reload();
  await expect(po.getByRole("combobox", { name: `Role of ${member.name}` })).toHaveValue("MEMBER");
});

test("the product owner writes the Definitions of Done and Ready and a WIP limit in the settings", async () => {
  await po.goto(`/${projectKey}/board`);
  await po.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Settings" }).click();
  await po.getByRole("navigation", { name: "Project settings" }).getByRole("link", { name: "Definition of Done" }).click();
  const done = po.getByRole("region", { name: "Definition of Done" });
  for (const [index, text] of ["Code reviewed", "Docs updated"].entries()) {
    await done.getByRole("button", { name: "Add item", exact: true }).click();
    await done.getByLabel(`Item ${index + 1} text`).fill(text);
  }
  const ready = po.getByRole("region", { name: "Definition of Ready" });
  await ready.getByRole("checkbox", { name: "Cards must be ready before they are planned into a sprint" }).check();
  for (const [index, text] of ["Acceptance criteria written", "Estimated by the team"].entries()) {
    await ready.getByRole("button", { name: "Add ready item" }).click();
    await ready.getByLabel(`Item ${index + 1} text`).fill(text);
  }
  await po.getByRole("button", { name: "Save", exact: true }).click();
  await expect(po.getByText("Definition of Done saved")).toBeVisible();
  await po.reload();
  await expect(ready.getByLabel("Item 2 text")).toHaveValue("Estimated by the team");

  // The WIP limit, by keyboard: type it and press Enter in the column's form.
  await po.getByRole("navigation", { name: "Project settings" }).getByRole("link", { name: "Columns & WIP" }).click();
  const review = po.getByRole("form", { name: "Column Review" });
  await review.getByLabel("WIP limit").fill("1");
  await review.getByLabel("WIP limit").press("Enter");
  await expect(po.getByText('Saved "Review"')).toBeVisible();
});

test("the product owner creates and estimates cards, by dialog and inline, by pointer and by keyboard", async () => {
  await po.goto(`/${projectKey}/backlog`);
  await po.getByRole("button", { name: "New card" }).click();
  const dialog = po.getByRole("dialog", { name: "New card" });
  await dialog.getByLabel("Title").fill(titles.search);
  await dialog.getByLabel("Estimate").fill("5");
  await dialog.getByLabel("Assignee").selectOption({ label: member.name });
  await dialog.getByRole("button", { name: "Create card" }).click();
  await expect(dialog).toBeHidden();
  keys.search = `${projectKey}-1`;
  await expect(backlogRow(po, "Backlog", "search").getByRole("link", { name: titles.search })).toBeVisible();

  // Inline, by keyboard: "a" opens a title field at the bottom; Enter adds and keeps it open.
  await po.locator("body").click({ position: { x: 5, y: 5 } });
  await po.keyboard.press("a");
  const inline = po.getByRole("textbox", { name: "New card title" });
  await expect(inline).toBeFocused();
  Object.assign(keys, { carts: `${projectKey}-2`, gifts: `${projectKey}-3`, history: `${projectKey}-4` });
  for (const key of ["carts", "gifts", "history"] as const) {
    await inline.fill(titles[key]);
    await inline.press("Enter");
    // The person waits to see the card listed before typing the next one.
    await expect(backlogRow(po, "Backlog", key).getByRole("link", { name: titles[key] })).toBeVisible();
    await expect(inline).toHaveValue("");
    await expect(inline).toBeFocused();
  }
  await inline.press("Escape");

  // Estimates from the row's story-point pill: by pointer, then by keyboard.
  await po.getByRole("button", { name: `Estimate for ${keys.carts}: not estimated` }).click();
  await po.getByRole("group", { name: `Story points for ${keys.carts}` }).getByRole("button", { name: "3", exact: true }).click();
  await expect(po.getByRole("button", { name: `Estimate for ${keys.carts}: 3 points` })).toBeVisible();
  for (const [key, points] of [["gifts", "3"], ["history", "2"]] as const) {
    await po.getByRole("button", { name: `Estimate for ${keys[key]}: not estimated` }).focus();
    await po.keyboard.press("Enter");
    const choices = po.getByRole("group", { name: `Story points for ${keys[key]}` });
    await choices.getByRole("button", { name: points, exact: true }).focus();
    await po.keyboard.press("Enter");
    await expect(po.getByRole("button", { name: `Estimate for ${keys[key]}: ${points} points` })).toBeVisible();
  }
});

test("the product owner ticks each card's Ready items on its page", async () => {
  for (const [index, key] of (["search", "carts", "gifts", "history"] as const).entries()) {
    await po.goto(`/${projectKey}/backlog`);
    await backlogRow(po, "Backlog", key).getByRole("link", { name: titles[key] }).click();
    await expect(po).toHaveURL(new RegExp(`/${projectKey}/cards/${keys[key]}$`));
    const ready = po.getByRole("region", { name: /Definition of Ready/ });
    await expect(ready.getByTestId("dor-progress")).toHaveText("1/2");
    await expect(ready.getByText(/Met by the estimate \(\d+ points\)/)).toBeVisible();
    const box = ready.getByRole("checkbox", { name: "Acceptance criteria written" });
    // Alternately by pointer and by keyboard.
    if (index % 2 === 0) await box.click();
    else {
      await box.focus();
      await po.keyboard.press("Space");
    }
    await expect(box).toBeChecked();
    await expect(ready.getByTestId("dor-progress")).toHaveText("2/2");
    await expect(ready.getByText("Ready for a sprint")).toBeVisible();
  }
});

test("the product owner plans a sprint over capacity, sees the warning, starts it and adds a card to it", async () => {
  await po.goto(`/${projectKey}/backlog`);
  await po.getByRole("button", { name: "Create sprint" }).click();
  const create = po.getByRole("dialog", { name: "Create sprint" });
  await expect(create.getByLabel("Name")).toHaveValue("Sprint 1");
  await create.getByLabel("Goal").fill("Customers find and keep what they want");
  await create.getByLabel("Capacity (points)").fill("8");
  await create.getByRole("button", { name: "Create sprint" }).click();
  await expect(create).toBeHidden();
  const sprint = po.getByRole("region", { name: "Sprint 1", exact: true });
  await expect(sprint).toBeVisible();

  // By pointer from the row menu, by keyboard from the next one, then two at once from the bulk bar.
  await po.getByRole("button", { name: `Actions for ${keys.search}` }).click();
  await po.getByRole("menuitem", { name: "Sprint 1" }).click();
  await expect(backlogRow(po, "Sprint 1", "search")).toBeVisible();
  await po.getByRole("button", { name: `Actions for ${keys.carts}` }).focus();
  await po.keyboard.press("Enter");
  await po.getByRole("menuitem", { name: "Sprint 1" }).focus();
  await po.keyboard.press("Enter");
  await expect(backlogRow(po, "Sprint 1", "carts")).toBeVisible();
  await po.getByRole("button", { name: `Actions for ${keys.gifts}` }).click();
  await po.getByRole("menuitem", { name: "Sprint 1" }).click();
  await expect(backlogRow(po, "Sprint 1", "gifts")).toBeVisible();
  await expect(po.getByRole("button", { name: "Plan anyway…" })).toHaveCount(0);
  await expect(sprint.getByText("Over capacity by 3 pts")).toBeVisible();

  await sprint.getByRole("button", { name: "Start sprint" }).click();
  const start = po.getByRole("dialog", { name: "Start Sprint 1" });
  await expect(start.getByText("3 cards · 11 pts")).toBeVisible();
  await expect(start.getByText("Customers find and keep what they want")).toBeVisible();
  await expect(start.getByRole("alert")).toContainText("Over capacity by 3 pts.");
  await start.getByRole("button", { name: "Start anyway" }).click();
  await expect(po.getByText("Sprint 1 started: 3 cards, 11 pts committed.")).toBeVisible();
  const active = "Active sprint Sprint 1";
  await expect(po.getByRole("region", { name: active })).toBeVisible();

  await po.getByRole("button", { name: `Actions for ${keys.history}` }).click();
  await po.getByRole("menuitem", { name: "Sprint 1 (active)" }).click();
  await expect(backlogRow(po, active, "history")).toBeVisible();
  await expect(po.getByRole("region", { name: active }).getByText("0 of 4 cards done")).toBeVisible();
});

test("the member moves cards across the board by pointer and by keyboard, and is refused at the WIP limit", async () => {
  await dev.goto("/projects");
  await dev.getByRole("main").getByRole("link", { name: /Harbor shop/ }).first().click();
  await expect(dev).toHaveURL(new RegExp(`/${projectKey}/board`));
  const header = dev.getByRole("region", { name: "Sprint Sprint 1" });
  await expect(header.getByText("Customers find and keep what they want")).toBeVisible();
  await expect(header.getByRole("button", { name: "Complete sprint" })).toHaveCount(0); // members do not close sprints
  for (const key of Object.keys(titles) as Array<keyof typeof titles>) await expect(column(dev, "To do").getByRole("button", { name: `${keys[key]} ${titles[key]}` })).toBeVisible();

  // Keyboard: Saved carts into Review (two columns right); the column is then full.
  // Keyboard first, while In progress is empty (see the report: arrows did not reach Review past a card there).
  await keyboardMove(dev, "carts", 2);
  await expect(column(dev, "Review").getByRole("button", { name: `${keys.carts} ${titles.carts}` })).toBeVisible();
  await expect(dev.getByLabel("1 of 1 cards, at the WIP limit")).toBeVisible();

  // Gift cards into Review, by keyboard: refused, it stays in To do with the focus on it.
  await keyboardMove(dev, "gifts", 2);
  await expect(dev.getByText("Review is at its WIP limit (1/1)", { exact: true })).toBeVisible();
  await expect(column(dev, "To do").getByRole("button", { name: `${keys.gifts} ${titles.gifts}` })).toBeVisible();
  await expect(cardOnBoard(dev, "gifts")).toBeFocused();

  // Pointer: Search by SKU into In progress.
  await dragOver(dev, cardOnBoard(dev, "search"), column(dev, "In progress"));
  await dev.mouse.up();
  await expect(column(dev, "In progress").getByRole("button", { name: `${keys.search} ${titles.search}` })).toBeVisible();
});

test("the member is refused at Done by the Definition of Done, ticks it in the side panel and moves the card to Done", async () => {
  // Keyboard: Saved carts from Review to Done is refused; Enter opens the panel, Space ticks.
  await keyboardMove(dev, "carts", 1);
  await expect(dev.getByText(/The Definition of Done is not met: Code reviewed; Docs updated/)).toBeVisible();
  await expect(dev.getByRole("button", { name: "Move anyway…" })).toHaveCount(0);
  await expect(column(dev, "Review").getByRole("button", { name: `${keys.carts} ${titles.carts}` })).toBeVisible();
  await expect(cardOnBoard(dev, "carts")).toBeFocused();
  await dev.keyboard.press("Enter");
  const panel = dev.getByRole("dialog", { name: new RegExp(`^${keys.carts}`) });
  await expect(panel.getByTestId("dod-progress")).toHaveText("0/2");
  for (const item of ["Code reviewed", "Docs updated"]) {
    await panel.getByRole("checkbox", { name: item }).focus();
    await dev.keyboard.press("Space");
    await expect(panel.getByRole("checkbox", { name: item })).toBeChecked();
  }
  await expect(panel.getByTestId("dod-progress")).toHaveText("2/2");
  await dev.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(cardOnBoard(dev, "carts")).toBeFocused();
  await keyboardMove(dev, "carts", 1);
  await expect(column(dev, "Done").getByRole("button", { name: `${keys.carts} ${titles.carts}` })).toBeVisible();

  // Pointer: Search by SKU dragged to Done, refused, opened with a click, ticked, dragged again.
  await dragOver(dev, cardOnBoard(dev, "search"), column(dev, "Done"));
  await dev.mouse.up();
  await expect(dev.getByText(/The Definition of Done is not met: Code reviewed; Docs updated/).first()).toBeVisible();
  await expect(column(dev, "In progress").getByRole("button", { name: `${keys.search} ${titles.search}` })).toBeVisible();
  await cardOnBoard(dev, "search").click();
  const second = dev.getByRole("dialog", { name: new RegExp(`^${keys.search}`) });
  for (const item of ["Code reviewed", "Docs updated"]) {
    await second.getByRole("checkbox", { name: item }).click();
    await expect(second.getByRole("checkbox", { name: item })).toBeChecked();
  }
  await second.getByRole("button", { name: "Close card" }).click();
  await expect(second).toBeHidden();
  await dragOver(dev, cardOnBoard(dev, "search"), column(dev, "Done"));
  await dev.mouse.up();
  await expect(column(dev, "Done").getByRole("button", { name: `${keys.search} ${titles.search}` })).toBeVisible();
});

test("the product owner completes the sprint from the board", async () => {
  await po.goto(`/${projectKey}/board`);
  const header = po.getByRole("region", { name: "Sprint Sprint 1" });
  await expect(header.getByRole("meter", { name: "Points done" })).toHaveAttribute("aria-valuetext", /^8 of \d+ points done$/);
  await header.getByRole("button", { name: "Complete sprint" }).click();
  const dialog = po.getByRole("dialog", { name: "Complete Sprint 1" });
  await dialog.getByLabel("The top of the backlog").check();
  await dialog.getByRole("button", { name: "Complete sprint" }).click();
  await expect(po.getByText(/^Completed 8 pts in 2 cards of \d+ pts committed\. 2 unfinished cards moved to the top of the backlog\.$/)).toBeVisible();
  await expect(po.getByText("No sprint is running")).toBeVisible();

  await po.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Backlog" }).click();
  for (const key of ["gifts", "history"] as const) await expect(backlogRow(po, "Backlog", key)).toBeVisible();
});

test("the product owner switches a Kanban project to Scrum and back in its settings", async () => {
  await po.goto("/projects");
  await po.getByRole("button", { name: "New project" }).click();
  const dialog = po.getByRole("dialog", { name: "New project" });
  await dialog.getByLabel("Name").fill("Harbor ops");
  const kanbanKey = `K${projectKey.slice(1)}`;
  await dialog.getByLabel("Key").fill(kanbanKey);
  await expect(dialog.getByLabel("Board mode")).toHaveValue("kanban");
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(po).toHaveURL(new RegExp(`/${kanbanKey}/board$`));
  const tabs = po.getByRole("navigation", { name: "Project" });
  await expect(tabs.getByRole("link", { name: "Backlog" })).toHaveCount(0);

  await tabs.getByRole("link", { name: "Settings" }).click();
  const mode = po.getByRole("group", { name: "Board mode" });
  await expect(mode.getByRole("radio", { name: /Kanban/ })).toBeChecked();
  // By pointer to Scrum: the Backlog and Sprints tabs appear and the board waits for a sprint.
  await mode.getByRole("radio", { name: /Scrum/ }).click();
  await expect(po.getByText("The board now runs Scrum: plan sprints from the backlog")).toBeVisible();
  await expect(tabs.getByRole("link", { name: "Backlog" })).toBeVisible();
  await tabs.getByRole("link", { name: "Board" }).click();
  await expect(po.getByText("No sprint is running")).toBeVisible();

  // By keyboard back to Kanban: arrow keys move within the radio group.
  await tabs.getByRole("link", { name: "Settings" }).click();
  await mode.getByRole("radio", { name: /Scrum/ }).focus();
  await po.keyboard.press("ArrowLeft");
  await expect(mode.getByRole("radio", { name: /Kanban/ })).toBeChecked();
  await expect(po.getByText("The board now runs Kanban: every open card is on the board")).toBeVisible();
  await expect(tabs.getByRole("link", { name: "Backlog" })).toHaveCount(0);
  await tabs.getByRole("link", { name: "Board" }).click();
  await expect(po.getByRole("heading", { name: "To do", level: 2 })).toBeVisible();
});
