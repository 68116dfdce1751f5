// Import: an admin brings a real Trello board in through the preview, moves one list onto an
// existing column, follows the progress bar and finds the cards where the mapping put them.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createProject, storageStatePath } from "./support";

test.use({ storageState: storageStatePath("admin") });

const TRELLO_BOARD = path.resolve(import.meta.dirname, "../../shared/fixtures/imports/trello/blog-post-ideas-board-2017.json");

test("an admin imports a Trello board through the preview, remapping one list, and lands on the board with the cards in place", async ({ page, request }) => {
  const project = await createProject(request, { prefix: "IM" });
  await page.goto(`/${project.key}/settings/import-export`);
  await expect(page.getByRole("link", { name: "Import / Export" })).toHaveAttribute("aria-current", "page");

  await page.getByLabel("Source").selectOption("trello");
  await page.getByLabel("File").setInputFiles(TRELLO_BOARD);
  await page.getByRole("button", { name: "Preview import" }).click();

  const preview = page.getByRole("region", { name: /^Preview:/ });
  await expect(preview.getByText("Cards", { exact: true }).locator("xpath=following-sibling::dd")).toHaveText("155");
  await expect(preview.getByText("Columns", { exact: true }).locator("xpath=following-sibling::dd")).toHaveText("8");
  // Proposed: every list becomes a new column; "Guest Posts" goes onto the existing Done instead.
  await expect(preview.getByLabel("Social Media Blog ideas")).toHaveValue("new");
  await preview.getByLabel("Guest Posts").selectOption({ label: "Done" });
  await preview.getByRole("button", { name: "Run import" }).click();

  const progress = page.getByRole("progressbar", { name: "Import progress" });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByText(/155 cards created, 0 updated, 7 new columns/)).toBeVisible();

  await page.getByRole("link", { name: "Open the board" }).click();
  await expect(page).toHaveURL(new RegExp(`/${project.key}/board`));
  // 155 cards in 11 columns: the board takes a moment to render on a busy machine.
  await expect(page.getByRole("heading", { name: "Done", level: 2 })).toBeVisible({ timeout: 30_000 });
  const done = page.getByRole("region", { name: "Done", exact: true });
  await expect(done.getByRole("button", { name: /Avtar Ram Singh: The Funnel Approach/ })).toBeVisible();
  const team = page.getByRole("region", { name: "Team posts for Open/Overflow synd", exact: true });
  await expect(team.getByRole("button", { name: /buffer-retreat-in-iceland/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Guest Posts", exact: true })).toHaveCount(0);
});
