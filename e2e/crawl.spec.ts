// As each demo role, visits every page reachable from the demo projects and opens every
// non-destructive control (menus, dialogs, the card panel, tooltips), closing each with Escape.
// Fails on an uncaught page error, a console error, a 5xx response, an error or 404 page, a page
// wider than a 390 px phone, or a serious or critical axe violation in the light or dark theme.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ROLE_USERS, storageStatePath, type DemoRole } from "./support";

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** Triggers whose name says they act at once rather than open something. */
const DESTRUCTIVE = /delete|remove|revoke|rotate|sign out|reprocess|leave/i;
const ERROR_PAGE = /This page could not be shown|This page couldn.t load|could not be found|Application error|Internal Server Error/i;
const MAX_PAGES = 30;
/** Buttons that open a dialog by the product's naming ("Plan anyway…", "New card", "Start sprint"). */
const OPENER = /…$|^New |^Start sprint|^Complete sprint|^Keyboard shortcuts$/;

type Problems = string[];

/** The demo's projects (prisma/seed.ts): Kanban DEMO and Scrum PAY; each is crawled in its own test. */
const DEMO_PROJECTS = ["DEMO", "PAY"] as const;
/**
 * axe runs for the admin, who sees every page and control (roles are ranked: the other roles' pages
 * are the same pages with fewer controls); it is the slow part of the crawl under software rendering.
 */
const AXE_ROLES: DemoRole[] = ["admin"];

/** One address per kind of page: every card page is the same page, and so is every sprint report. */
function pageKind(path: string) {
  return path
    .replace(/\/cards\/[^/]+/, "/cards/:card")
    .replace(/\/sprints\/[^/]+/, "/sprints/:sprint");
}

function watch(page: Page, problems: Problems) {
  page.on("pageerror", (error) => problems.push(`uncaught on ${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 500) problems.push(`${response.status()} from ${response.url()}`);
  });
}

/** Serious and critical axe violations; `only` narrows the rules, `include` the part of the page. */
async function axe(page: Page, where: string, problems: Problems, { include, only }: { include?: string; only?: string[] } = {}) {
  // @axe-core/playwright is typed against the hoisted playwright-core, a different version than
  // @playwright/test's own copy; the object is the same at runtime.
  let builder = new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]["page"] });
  if (include) builder = builder.include(include);
  if (only) builder = builder.withRules(only);
  // Violations only: axe otherwise lists every passing node, which costs seconds on a full board.
  builder = builder.options({ resultTypes: ["violations"] });
  const started = Date.now();
  const { violations } = await builder.analyze();
  if (process.env.CRAWL_LOG) console.log(`    axe ${where} ${Date.now() - started}ms`);
  for (const violation of violations) {
    if (violation.impact !== "serious" && violation.impact !== "critical") continue;
    problems.push(`axe ${violation.id} (${where}): ${violation.nodes.slice(0, 4).map((node) => node.target.join(" ")).join(" | ")}`);
  }
}

async function setTheme(page: Page, theme: "light" | "dark") {
  // Reduced motion: no animation frames to wait through while axe reads the page.
  await page.emulateMedia({ colorScheme: theme, reducedMotion: "reduce" });
  await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
}

async function linksOn(page: Page) {
  const paths = await page.locator("a[href^='/']").evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
  // The settings index only redirects to its first section.
  return paths.map((path) => path.replace(/^(\/[^/]+\/settings)$/, "$1/columns"));
}

/**
 * Opens each menu, dialog and popover trigger and closes it with Escape: one per kind of name
 * ("Actions for DEMO-4" stands for every row), once per crawl for the controls every page shares.
 * Dialogs are checked with axe; menus are Radix's own markup.
 */
async function openControls(page: Page, where: string, problems: Problems, seen: Set<string>, a11y: boolean) {
  const scope = page.locator("main, header, aside");
  const triggers = [
    ...(await scope.locator("[aria-haspopup]:visible").all()),
    ...(await scope.getByRole("button", { name: OPENER }).filter({ visible: true }).all()),
  ];
  for (const trigger of triggers) {
    const name = ((await trigger.getAttribute("aria-label")) ?? (await trigger.innerText()).trim()).replace(/[A-Z]+-\d+|\d+/g, "#");
    if (seen.has(name) || DESTRUCTIVE.test(name) || !(await trigger.isEnabled()) || (await trigger.getAttribute("type")) === "submit") continue;
    seen.add(name);
    if (process.env.CRAWL_LOG) console.log(new Date().toISOString(), "  open", name);
    const kind = (await trigger.getAttribute("aria-haspopup")) === "menu" ? "menu" : "dialog";
    await trigger.click({ timeout: 10_000 });
    const overlay = page.getByRole(kind).last();
    await expect(overlay, `${where}: "${name}" opens a ${kind}`).toBeVisible();
    if (kind === "dialog" && a11y) await axe(page, `${where} · ${name}`, problems, { include: "[role=dialog]" });
    await page.keyboard.press("Escape");
    await expect(page.getByRole(kind), `${where}: Escape closes "${name}"`).toHaveCount(0);
  }
  // Tooltips open on keyboard focus; the first few are enough to exercise every kind.
  const tips = page.locator("main [data-state='closed']:not([aria-haspopup]):not([aria-expanded]):visible");
  for (const tip of (await tips.all()).slice(0, 3)) {
    // A trigger the page re-rendered away since the list was taken is skipped, not waited for.
    if (!(await tip.focus({ timeout: 2_000 }).then(() => true, () => false))) continue;
    if (await page.getByRole("tooltip").isVisible().catch(() => false)) await page.keyboard.press("Escape");
  }
}

/** The board's first card opens the side panel; Escape closes it. Answers the panel's links. */
async function openCardPanel(page: Page, where: string, problems: Problems, a11y: boolean) {
  const card = page.locator("[data-card-key]").first();
  if (!(await card.count())) return [];
  // force: a viewer's card is aria-disabled (it cannot be dragged) yet opens on a click.
  await card.click({ timeout: 10_000, force: true });
  const panel = page.getByRole("dialog");
  await expect(panel, `${where}: a card opens its panel`).toBeVisible();
  await expect(panel.getByLabel("Title")).toBeVisible();
  await expect(panel.getByRole("link", { name: "Full page" })).toBeVisible();
  const links = await panel.locator("a[href^='/']").evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
  if (a11y) await axe(page, `${where} · card panel`, problems, { include: "[role=dialog]" });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  return links;
}

/**
 * Crawls one demo project's pages; the DEMO crawl also takes the workspace pages (projects, team,
 * tokens) and the project settings pages, which are the same pages in every project: the PAY
 * crawl covers what only a Scrum project has and the pages that show its own data.
 */
async function crawlAs(page: Page, role: DemoRole, project: (typeof DEMO_PROJECTS)[number]) {
  const problems: Problems = [];
  watch(page, problems);
  const a11y = AXE_ROLES.includes(role);
  const withWorkspace = project === "DEMO";

  const inScope = (path: string) => {
    const first = path.split("/")[1] ?? "";
    if (first === project) return withWorkspace || !path.startsWith(`/${project}/settings/`);
    return withWorkspace && (path === "/projects" || path.startsWith("/settings/"));
  };
  const queue = withWorkspace ? ["/projects", `/${project}/board`] : [`/${project}/board`];
  const visited = new Set<string>();
  const seenControls = new Set<string>();
  while (queue.length && visited.size < MAX_PAGES) {
    const path = queue.shift()!;
    const kind = pageKind(path);
    if (visited.has(kind)) continue;
    visited.add(kind);
    const where = `${role} ${path}`;
    if (process.env.CRAWL_LOG) console.log(new Date().toISOString(), where, problems.length);

    await page.setViewportSize(DESKTOP);
    await setTheme(page, "light");
    const response = await page.goto(path);
    expect(response?.status() ?? 0, `${where} answers`).toBeLessThan(500);
    await expect(page.locator("main").first()).toBeVisible();
    await expect(page.locator("main [aria-busy]")).toHaveCount(0);
    if (ERROR_PAGE.test(await page.locator("body").innerText())) problems.push(`error page at ${where}`);
    expect(await page.locator("main").count(), `${where} has one <main>`).toBe(1);

    for (const link of await linksOn(page)) if (inScope(link) && !visited.has(pageKind(link))) queue.push(link);

    if (a11y) await axe(page, `${where} light`, problems);
    await openControls(page, where, problems, seenControls, a11y);
    if (path.endsWith("/board")) queue.push(...(await openCardPanel(page, where, problems, a11y)).filter(inScope));
    if (a11y) {
      // The theme changes colours only: contrast is what the dark pass has to check.
      await setTheme(page, "dark");
      await axe(page, `${where} dark`, problems, { only: ["color-contrast"] });
    }

    await page.setViewportSize(PHONE);
    const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
    if (overflow > 0) problems.push(`${where} is ${overflow}px wider than a 390px screen`);
  }
  const kinds = ["/board", "/reports", "/cards/:card"];
  if (project === "PAY") kinds.push("/backlog", "/sprints", "/sprints/:sprint");
  else kinds.push("/settings/columns", "/settings/integrations", "/settings/definition-of-done", "/settings/automation", "/settings/import-export");
  for (const kind of kinds) expect(visited, `crawled /${project}${kind}`).toContain(`/${project}${kind}`);
  if (withWorkspace) {
    expect(visited).toContain("/settings/team");
    expect(visited).toContain("/settings/tokens");
  }
  expect(problems).toEqual([]);
}

for (const role of Object.keys(ROLE_USERS) as DemoRole[]) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStatePath(role) });
    for (const project of DEMO_PROJECTS) {
      test(`every ${project} page and control works for the ${role}, on a phone too${AXE_ROLES.includes(role) ? ", without accessibility violations" : ""}`, async ({ page }) => {
        test.setTimeout(Number(process.env.CRAWL_TIMEOUT ?? 420_000));
        await crawlAs(page, role, project);
      });
    }
  });
}
