// Quick hands on the board and the backlog (issue 10): filter changes made faster than the typing
// debounce are all kept, focus comes back to a card whose keyboard drop was refused, and epics
// stay off the board (their children carry them as badges).
import { expect as baseExpect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createCard, createProject, keyboardMoveRight, storageStatePath } from "./support";

test.use({ storageState: storageStatePath("po") });
// Waits that pass in a second on an idle machine; a busy one (parallel builds) needs the margin.
const expect = baseExpect.configure({ timeout: 30_000 });
test.beforeEach(() => test.slow());

const cardButton = (page: Page, card: { key: string; title: string }) => page.getByRole("button", { name: `${card.key} ${card.title}`, exact: true });

async function columnIds(request: APIRequestContext, projectKey: string): Promise<Record<string, string>> {
  const board = await (await request.get(`/api/v1/projects/${projectKey}/board`)).json();
  return Object.fromEntries(board.columns.map((c: { id: string; name: string }) => [c.name, c.id]));
}

const params = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

test.describe("filters typed fast", () => {
  test("on the board: clearing the label and typing a search at once keeps both changes", async ({ page, request }) => {
    const project = await createProject(request, { prefix: "FR" });
    const invoice = await createCard(request, project.key, { title: "Invoice export", labels: ["billing"] });
    const email = await createCard(request, project.key, { title: "Onboarding email", labels: ["growth"] });
    const onboardingBill = await createCard(request, project.key, { title: "Onboarding bill", labels: ["billing"] });
    await page.goto(`/${project.key}/board?label=billing`);
    await expect(cardButton(page, invoice)).toBeVisible();
    await expect(cardButton(page, email)).toHaveCount(0);

    // Well inside the 250 ms debounce: the label box emptied, then the search typed.
    await page.getByRole("combobox", { name: "Label" }).fill("");
    await page.getByRole("searchbox", { name: "Filter cards" }).pressSequentially("onboarding", { delay: 10 });
    await expect.poll(() => params(page)).toEqual({ q: "onboarding" });
    await expect(cardButton(page, email)).toBeVisible();
    await expect(cardButton(page, onboardingBill)).toBeVisible();
    await expect(cardButton(page, invoice)).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: "Label" })).toHaveValue("");
  });

  test("on the board: a swimlane or an assignee picked right after typing is kept", async ({ page, request }) => {
    const me = await (await request.get("/api/v1/me")).json();
    const project = await createProject(request, { prefix: "FL" });
    const mine = await createCard(request, project.key, { title: "Invoice mine", assigneeId: me.id });
    const theirs = await createCard(request, project.key, { title: "Invoice nobody's" });
    await page.goto(`/${project.key}/board`);
    await expect(cardButton(page, theirs)).toBeVisible();

    await page.getByRole("searchbox", { name: "Filter cards" }).pressSequentially("invoice", { delay: 10 });
    await page.getByRole("combobox", { name: "Swimlanes" }).selectOption("assignee");
    await expect.poll(() => params(page)).toEqual({ q: "invoice", lane: "assignee" });
    await expect(page.getByRole("combobox", { name: "Swimlanes" })).toHaveValue("assignee");
    await expect(page.getByRole("heading", { name: /^Unassigned/, level: 3 })).toBeVisible();

    await page.getByRole("searchbox", { name: "Filter cards" }).fill("");
    await page.getByRole("searchbox", { name: "Filter cards" }).pressSequentially("inv", { delay: 10 });
    await page.getByRole("combobox", { name: "Assignee" }).selectOption(me.id);
    await expect.poll(() => params(page)).toEqual({ q: "inv", lane: "assignee", assigneeId: me.id });
    await expect(page.getByRole("combobox", { name: "Assignee" })).toHaveValue(me.id);
    await expect(cardButton(page, mine)).toBeVisible();
    await expect(cardButton(page, theirs)).toHaveCount(0);
    await page.reload();
    await expect(cardButton(page, mine)).toBeVisible();
    await expect(cardButton(page, theirs)).toHaveCount(0);
  });

  test("on the backlog: clearing the label and typing a search at once keeps both changes", async ({ page, request }) => {
    const project = await createProject(request, { prefix: "FB", mode: "scrum" });
    await createCard(request, project.key, { title: "Invoice export", labels: ["billing"] });
    await createCard(request, project.key, { title: "Onboarding email", labels: ["growth"] });
    await page.goto(`/${project.key}/backlog?label=billing`);
    const backlog = page.getByRole("region", { name: "Backlog", exact: true });
    await expect(backlog.getByText("Onboarding email")).toHaveCount(0);

    await page.getByRole("combobox", { name: "Label" }).selectOption("");
    await page.getByRole("searchbox", { name: "Search the backlog" }).pressSequentially("onboarding", { delay: 10 });
    await expect.poll(() => params(page)).toEqual({ q: "onboarding" });
    await expect(backlog.getByText("Onboarding email")).toBeVisible();
    await expect(backlog.getByText("Invoice export")).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: "Label" })).toHaveValue("");
  });
});

test.describe("a refused keyboard drop", () => {
  const pickUpAndDrop = (page: Page, card: { key: string; title: string }, steps: number) => keyboardMoveRight(page, cardButton(page, card), card.key, steps);

  test("at a WIP limit gives the focus back to the card", async ({ page, request }) => {
    const project = await createProject(request, { prefix: "FW" });
    const columns = await columnIds(request, project.key);
    expect((await request.patch(`/api/v1/projects/${project.key}/columns/${columns.Review}`, { data: { wipLimit: 1 } })).ok()).toBe(true);
    const inReview = await createCard(request, project.key, { title: "Already in review" });
    expect((await request.post(`/api/v1/cards/${inReview.key}/move`, { data: { toColumnId: columns.Review } })).ok()).toBe(true);
    const card = await createCard(request, project.key, { title: "Wants review" });
    await page.goto(`/${project.key}/board`);

    await pickUpAndDrop(page, card, 2);
    await expect(page.getByText("Review is at its WIP limit (1/1)", { exact: true })).toBeVisible();
    await expect(cardButton(page, card)).toBeFocused();
    // Focus is usable at once: pick the card up again and put it in progress.
    await pickUpAndDrop(page, card, 1);
    await expect(page.getByRole("region", { name: "In progress", exact: true }).getByRole("button", { name: `${card.key} ${card.title}` })).toBeVisible();
  });

  test("at the Definition of Done gives the focus back to the card", async ({ page, request }) => {
    const project = await createProject(request, { prefix: "FD" });
    expect((await request.put(`/api/v1/projects/${project.key}/dod`, { data: { items: [{ text: "Code reviewed", kind: "manual" }] } })).ok()).toBe(true);
    const card = await createCard(request, project.key, { title: "Not reviewed yet" });
    await page.goto(`/${project.key}/board`);

    await pickUpAndDrop(page, card, 3);
    await expect(page.getByText(`${card.key} was not moved`)).toBeVisible();
    await expect(page.getByRole("region", { name: "To do", exact: true }).getByRole("button", { name: `${card.key} ${card.title}` })).toBeVisible();
    await expect(cardButton(page, card)).toBeFocused();
  });
});

test("epics stay off the board; their cards carry them as a badge", async ({ page, request }) => {
  const project = await createProject(request, { prefix: "FE" });
  const epic = await createCard(request, project.key, { title: "Checkout revamp", type: "epic" });
  const child = await createCard(request, project.key, { title: "Pay by card", epicKey: epic.key });
  await page.goto(`/${project.key}/board`);
  await expect(cardButton(page, child)).toBeVisible();
  await expect(cardButton(page, child).getByText("Checkout revamp", { exact: true })).toBeVisible();
  await expect(cardButton(page, epic)).toHaveCount(0);
  await expect(page.getByLabel("1 card", { exact: true })).toBeVisible();
});
