// The product owner reads the demo's Scrum project PAY through its Reports tab: the sprint's
// burndown, velocity over the closed sprints, cumulative flow, cycle-time percentiles and a
// forecast; a keyboard user reaches every chart's table; a CSV download holds the table's numbers.
// Read-only: the demo's seeded history is the data.
import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { storageStatePath } from "./support";

test.use({ storageState: storageStatePath("po") });

const panel = (page: Page, id: string) => page.locator(`[data-report="${id}"]`);
/** Every report panel on a Scrum project, in page order. */
const SCRUM_PANELS = ["burndown", "velocity", "cfd", "cycle-time", "aging", "throughput", "forecast-items", "forecast-until"];

async function tableRows(region: Locator): Promise<string[][]> {
  return region.locator("tr").evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => (cell.textContent ?? "").trim())));
}

test("the product owner sees burndown, velocity, cumulative flow, cycle-time percentiles and a forecast", async ({ page }) => {
  await page.goto("/PAY/board");
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Reports" }).click();
  // The first report of a fresh server waits for its queries to warm up (slow on a busy machine).
  await expect(page).toHaveURL(/\/PAY\/reports$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible({ timeout: 30_000 });

  const burndown = panel(page, "burndown");
  await expect(burndown.getByRole("heading", { name: /Burndown and burnup · Sprint 4/ })).toBeVisible();
  await expect(burndown.getByRole("application", { name: /Burndown of Sprint 4/ })).toBeVisible();
  await expect(burndown.locator(".recharts-line-curve").first()).toBeVisible();

  // Velocity over the three closed sprints (demo.spec: Sprint 2 committed 18, completed 21).
  const velocity = panel(page, "velocity");
  await expect(velocity.getByRole("application", { name: /Velocity/ })).toBeVisible();
  await velocity.getByText("Show table").click();
  const rows = await tableRows(velocity.getByRole("region", { name: "Velocity table" }));
  expect(rows.map((row) => row[0])).toEqual(["Sprint", "Sprint 1", "Sprint 2", "Sprint 3"]);
  expect(rows[2]).toEqual(["Sprint 2", "18", "21"]);

  const cfd = panel(page, "cfd");
  await expect(cfd.getByRole("application", { name: /Cumulative flow/ })).toBeVisible();
  await expect(cfd.locator(".recharts-area-area").first()).toBeVisible();

  const cycle = panel(page, "cycle-time");
  await expect(cycle.getByLabel("Cycle time percentiles")).toContainText(/p85\s*\d+ days/);
  await expect(cycle.locator("svg text").filter({ hasText: /^p85 \d+d$/ })).toBeVisible();

  const forecast = panel(page, "forecast-items");
  await expect(forecast.getByRole("heading", { name: "When will 10 cards be done?" })).toBeVisible();
  await expect(forecast.getByText("85 % likely").locator("..")).toContainText(/\d{4}-\d{2}-\d{2}/);
});

test("a keyboard user reaches each chart's table", async ({ page }) => {
  // A date to forecast to, so the "how many by a date" forecast has its table too.
  const until = new Date(Date.now() + 28 * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/PAY/reports?until=${until}`);
  await page.getByRole("search", { name: "Report filters" }).getByLabel("Assignee").focus();
  for (const id of SCRUM_PANELS) {
    const toggle = panel(page, id).locator("summary");
    for (let presses = 0; presses < 200 && !(await toggle.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press("Tab");
    await expect(toggle, `Tab reaches the table toggle of ${id}`).toBeFocused();
    await page.keyboard.press("Enter");
    const table = panel(page, id).getByRole("region", { name: / table$/ });
    await expect(table).toBeVisible();
    await expect(table.locator("tbody tr").first()).toBeVisible();
    // Closed again, its rows' links leave the tab order on the way to the next chart.
    await page.keyboard.press("Enter");
    await expect(table).toBeHidden();
  }
});

test("the CSV download holds the numbers of the table", async ({ page }) => {
  await page.goto("/PAY/reports");
  for (const id of ["cycle-time", "cfd"]) {
    const report = panel(page, id);
    await report.getByText("Show table").click();
    const shown = await tableRows(report.getByRole("region", { name: / table$/ }));
    const [download] = await Promise.all([page.waitForEvent("download"), report.getByRole("button", { name: /^Download CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe(`PAY-${id}.csv`);
    const csv = parse(await readFile((await download.path())!, "utf8")) as string[][];
    expect(csv.length).toBeGreaterThan(1);
    expect(csv).toEqual(shown);
  }
});
