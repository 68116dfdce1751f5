// A product owner sets what the reports count as started and finished work, and their time zone,
// on Settings → Columns & WIP; a viewer sees the same settings read-only.
import { expect, test } from "@playwright/test";
import { createProject, storageStatePath } from "./support";

test.use({ storageState: storageStatePath("po") });

test("a product owner sets the workflow stages and the time zone of the reports", async ({ page, request, browser }) => {
  const project = await createProject(request, { prefix: "RS" });
  await page.goto(`/${project.key}/settings/columns`);

  const stages = page.getByRole("region", { name: "Workflow stages for reports" });
  await expect(stages.getByLabel("Work starts in")).toHaveValue("");
  await expect(stages.getByRole("checkbox", { name: "Done" })).toBeChecked();
  await stages.getByLabel("Work starts in").selectOption({ label: "Review" });
  await stages.getByRole("checkbox", { name: "Review" }).check();
  await stages.getByLabel("Days are counted in").selectOption("Europe/Berlin");
  await stages.getByRole("button", { name: "Save stages" }).click();
  await expect(page.getByText("Reports now follow these stages")).toBeVisible();

  const board = await (await request.get(`/api/v1/projects/${project.key}/board`)).json();
  const id = (name: string) => board.columns.find((column: { name: string; id: string }) => column.name === name).id;
  expect(board.project).toMatchObject({ startColumnId: id("Review"), timeZone: "Europe/Berlin" });
  expect([...board.project.finishColumnIds].sort()).toEqual([id("Review"), id("Done")].sort());

  await page.reload();
  await expect(stages.getByLabel("Work starts in")).toHaveValue(id("Review"));
  await expect(stages.getByLabel("Days are counted in")).toHaveValue("Europe/Berlin");

  const viewer = await browser.newContext({ storageState: storageStatePath("viewer") });
  const viewerPage = await viewer.newPage();
  await viewerPage.goto(`/${project.key}/settings/columns`);
  const readOnly = viewerPage.getByRole("region", { name: "Workflow stages for reports" });
  await expect(readOnly.getByLabel("Work starts in")).toBeDisabled();
  await expect(readOnly.getByRole("button", { name: "Save stages" })).toHaveCount(0);
  await viewer.close();
});
