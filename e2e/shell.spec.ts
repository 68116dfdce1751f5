import { createHmac, randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createCard, createProject, storageStatePath } from "./support";

test.use({ storageState: storageStatePath("po") });

const sidebar = (page: Page) => page.getByRole("complementary", { name: "Workspace" });

test("the sidebar shows the team of the project in the address, and the projects list follows it", async ({ page, request }) => {
  const acmeProject = await createProject(request, { prefix: "SH" });
  // A second team, made the current one by creating it through the team menu.
  const teamName = `Zephyr ${Date.now().toString(36)}`;
  await page.goto("/projects");
  await sidebar(page).getByRole("button", { name: "Switch team" }).click();
  await page.getByRole("menuitem", { name: "New team" }).click();
  await page.getByRole("dialog", { name: "New team" }).getByLabel("Team name").fill(teamName);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(sidebar(page).getByRole("button", { name: "Switch team" })).toContainText(teamName);
  await expect(sidebar(page).getByRole("link", { name: acmeProject.key })).toHaveCount(0);

  // Opening an Acme project by its address shows Acme and its projects, not the team the cookie names.
  await page.goto(`/${acmeProject.key}/board`);
  await expect(sidebar(page).getByRole("button", { name: "Switch team" })).toContainText("Acme");
  await expect(sidebar(page).getByRole("link", { name: new RegExp(`^${acmeProject.key}`) })).toBeVisible();
  await expect(sidebar(page).getByRole("link", { name: /^DEMO/ })).toBeVisible();

  // ...and Acme is now the current team for the pages that name no project.
  await sidebar(page).getByRole("link", { name: "All projects" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole("main").getByRole("link", { name: new RegExp(acmeProject.key) })).toBeVisible();
  await expect(sidebar(page).getByRole("button", { name: "Switch team" })).toContainText("Acme");
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  const noSidewaysScroll = async (page: Page) =>
    expect.poll(() => page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth), { message: `${page.url()} scrolls sideways` }).toBeLessThanOrEqual(0);

  test("the sidebar is a menu, pages fit the screen and the board scrolls inside itself", async ({ page, request }) => {
    const project = await createProject(request, { prefix: "PH" });
    const scrum = await createProject(request, { prefix: "PS", mode: "scrum" });
    await createCard(request, scrum.key, { title: "Checkout on a small screen", estimate: 3 });
    await page.goto("/projects");
    await expect(sidebar(page)).toBeHidden();
    await noSidewaysScroll(page);

    // Pointer: the menu opens from the top bar and following a link closes it.
    await page.getByRole("button", { name: "Open menu" }).click();
    const menu = page.getByRole("dialog", { name: "Menu" });
    await menu.getByRole("link", { name: new RegExp(`^${project.key}`) }).click();
    await expect(page).toHaveURL(new RegExp(`/${project.key}/board$`));
    await expect(menu).toBeHidden();
    await expect(page.getByRole("heading", { level: 1, name: `Project ${project.key}` })).toBeVisible();
    await noSidewaysScroll(page);
    const columns = page.locator("[data-board-scroll]");
    expect(await columns.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await columns.evaluate((element) => element.scrollBy({ left: 600 }));
    await expect.poll(() => columns.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    await noSidewaysScroll(page);

    // Keyboard: the menu opens with Enter and Escape closes it, focus back on its button.
    await page.getByRole("button", { name: "Open menu" }).focus();
    await page.keyboard.press("Enter");
    await expect(menu).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(page.getByRole("button", { name: "Open menu" })).toBeFocused();

    // Every page's width at 390 px is checked by the crawl (e2e/crawl.spec.ts), for every role.
    // Here: the backlog is usable (its card is on screen) and the settings tabs reach every section.
    await page.goto(`/${scrum.key}/backlog`);
    await expect(page.getByText("Checkout on a small screen")).toBeInViewport();
    await noSidewaysScroll(page);
    await page.goto(`/${scrum.key}/settings/columns`);
    await page.getByRole("navigation", { name: "Project settings" }).getByRole("link", { name: "Automation" }).click();
    await expect(page).toHaveURL(/settings\/automation$/);

    await page.getByRole("button", { name: "Open menu" }).click();
    await menu.getByRole("link", { name: "API tokens" }).click();
    await expect(page).toHaveURL(/\/settings\/tokens$/);
    await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  });
});

test("unknown addresses, projects and cards show the branded not-found page", async ({ page }) => {
  await page.goto("/DEMO/cards/DEMO-999999");
  await expect(page.getByRole("banner").getByRole("heading", { name: "Web shop" })).toBeVisible();
  await expect(page.getByRole("main").getByText("This card or sprint could not be found")).toBeVisible();

  await page.goto("/NOPE404/board");
  await expect(page.getByRole("main").getByText("This project could not be found")).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Workspace" })).toBeVisible();

  const response = await page.goto("/no/such/page/here");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("main").getByText("This page could not be found")).toBeVisible();
  await page.getByRole("link", { name: "Go to your projects" }).click();
  await expect(page).toHaveURL(/\/projects$/);
});

test.describe("as an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("the tokens and delivery tables name every column", async ({ page, request }) => {
    expect((await request.post("/api/v1/tokens", { data: { name: `Headers ${Date.now()}` } })).status()).toBe(201);
    const project = await createProject(request, { prefix: "TH" });
    const created = await request.post(`/api/v1/projects/${project.key}/integrations`, { data: { provider: "github", name: "acme/shop", repository: "acme/shop" } });
    const integration = (await created.json()) as { id: string; secret: string };
    const bytes = Buffer.from(JSON.stringify({ zen: "Design for failure.", hook_id: 1 }));
    const delivered = await request.post(`/api/webhooks/github/${integration.id}`, {
      data: bytes,
      headers: { "content-type": "application/json", "x-github-event": "ping", "x-github-delivery": randomUUID(), "x-hub-signature-256": `sha256=${createHmac("sha256", integration.secret).update(bytes).digest("hex")}` },
    });
    expect(delivered.status()).toBe(202);

    for (const path of ["/settings/tokens", `/${project.key}/settings/integrations`]) {
      await page.goto(path);
      const headers = page.getByRole("main").getByRole("table").last().getByRole("columnheader");
      await expect(headers.first()).toBeVisible();
      const names = await headers.evaluateAll((cells) => cells.map((cell) => cell.textContent?.trim() ?? ""));
      expect(names.length).toBeGreaterThan(3);
      expect(names.filter((name) => !name), `${path}: ${names.join(" | ")}`).toEqual([]);
    }
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("the sidebar offers no New project to a viewer", async ({ page }) => {
    await page.goto("/projects");
    await expect(sidebar(page).getByRole("link", { name: /^DEMO/ })).toBeVisible();
    await expect(sidebar(page).getByRole("link", { name: "New project" })).toHaveCount(0);
  });
});
