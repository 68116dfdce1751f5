import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support";

test.use({ storageState: storageStatePath("po") });

test("a product owner creates a project, then creates and edits a card", async ({ page }) => {
  const key = `P${Date.now().toString(36).toUpperCase().slice(-6)}`;
  await page.goto("/projects");
  await page.getByRole("button", { name: "New project" }).click();
  const dialog = page.getByRole("dialog", { name: "New project" });
  await dialog.getByLabel("Name").fill("Mobile app");
  await dialog.getByLabel("Key").fill(key);
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(new RegExp(`/${key}/board$`));
  await expect(page.getByRole("heading", { name: "Mobile app" })).toBeVisible();

  await page.getByRole("banner").getByRole("button", { name: "New card" }).click();
  const cardDialog = page.getByRole("dialog", { name: "New card" });
  await cardDialog.getByLabel("Title").fill("Offline mode for the cart");
  await cardDialog.getByLabel("Type").selectOption("bug");
  await cardDialog.getByLabel("Estimate").fill("5");
  await cardDialog.getByLabel("Description").fill("Keep the cart **offline**.\n\n<script>alert(1)</script>");
  await cardDialog.getByRole("button", { name: "Create card" }).click();
  await page.getByRole("link", { name: `${key}-1` }).click();

  await expect(page).toHaveURL(new RegExp(`/${key}/cards/${key}-1$`));
  await expect(page.getByLabel("Title")).toHaveValue("Offline mode for the cart");
  await expect(page.getByLabel("Type")).toHaveValue("bug");
  await expect(page.locator("strong", { hasText: "offline" })).toBeVisible();
  await expect(page.locator("script", { hasText: "alert(1)" })).toHaveCount(0);

  await page.getByLabel("Title").fill("Offline mode for the whole cart");
  await page.getByLabel("Priority").selectOption("urgent");
  await page.getByLabel("Labels").fill("mobile, offline");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(`${key}-1 saved`)).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Title")).toHaveValue("Offline mode for the whole cart");
  await expect(page.getByLabel("Priority")).toHaveValue("urgent");
  await expect(page.getByLabel("Labels")).toHaveValue("mobile, offline");
  await expect(page.getByText(/renamed it from “Offline mode for the cart” to “Offline mode for the whole cart”, changed priority from \w+ to Urgent and added the labels “mobile” and “offline”/).first()).toBeVisible();
});

test("a viewer cannot create cards", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("viewer") });
  const page = await context.newPage();
  await page.goto("/DEMO/cards/DEMO-5");
  await expect(page.getByLabel("Title")).toBeDisabled();
  await expect(page.getByRole("button", { name: "New card" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await context.close();
});
