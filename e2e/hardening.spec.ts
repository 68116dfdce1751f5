// Hardening as a person meets it: stage rules that RE2 cannot run are refused in the form, refused
// webhook deliveries are counted above the delivery log, and input no page or action can hold
// (another team's id, a NUL character in an address) gets a clear refusal instead of an error page.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createProject, storageStatePath } from "./support";

test.use({ storageState: storageStatePath("admin") });

test("an admin adds stage rules; a pattern RE2 cannot run is refused inline and nothing is created", async ({ page, request }) => {
  const project = await createProject(request, { prefix: "R" });
  await page.goto(`/${project.key}/settings/integrations`);
  await page.getByLabel("Provider").selectOption("generic");
  await page.getByLabel("Name").fill("Jenkins");
  await page.getByRole("button", { name: "Add rule" }).click();
  await page.getByLabel("Rule 1 pattern").fill("/(?!out)check/");
  await page.getByLabel("Rule 1 stage").selectOption("test");
  await page.getByRole("button", { name: "Add rule" }).click();
  await page.getByLabel("Rule 2 pattern").fill("deploy");
  await page.getByLabel("Rule 2 stage").selectOption("deploy");
  await page.getByRole("button", { name: "Add integration" }).click();

  const pattern = page.getByLabel("Rule 1 pattern");
  await expect(pattern).toHaveAttribute("aria-invalid", "true");
  await expect(pattern).toHaveAccessibleDescription(/Not a usable regular expression .*Lookaheads and backreferences are not supported/);
  await expect(page.getByText("No integrations yet")).toBeVisible();
  // What was refused stays as typed, to be corrected.
  await expect(page.getByLabel("Name")).toHaveValue("Jenkins");
  await expect(page.getByLabel("Provider")).toHaveValue("generic");
  await expect(page.getByLabel("Rule 2 stage")).toHaveValue("deploy");

  // The catastrophic pattern of the issue is fine on RE2: it runs in linear time.
  await pattern.fill("/^(a+)+$/");
  await page.getByRole("button", { name: "Add integration" }).click();
  await expect(page.getByText("it will not be shown again")).toBeVisible();
  await expect(page.getByLabel("Rule 1 pattern")).toHaveCount(0); // the editor is emptied for the next one

  const listed = await (await request.get(`/api/v1/projects/${project.key}/integrations`)).json();
  expect(listed.integrations).toEqual([expect.objectContaining({ name: "Jenkins", stageRules: [{ pattern: "/^(a+)+$/", stage: "test" }, { pattern: "deploy", stage: "deploy" }] })]);
});

test("refused deliveries are counted above the delivery log, not listed one by one", async ({ page, request }) => {
  const project = await createProject(request, { prefix: "W" });
  const created = await (await request.post(`/api/v1/projects/${project.key}/integrations`, { data: { provider: "github", name: "GitHub acme/shop" } })).json();
  for (let i = 0; i < 3; i++) {
    const res = await request.post(created.webhookUrl, {
      data: { zen: "Keep it logically awesome." },
      headers: { "x-github-event": "ping", "x-github-delivery": randomUUID(), "x-hub-signature-256": `sha256=${"0".repeat(64)}` },
    });
    expect(res.status()).toBe(401);
  }
  await page.goto(`/${project.key}/settings/integrations?integration=${created.id}`);
  const refused = page.getByRole("region", { name: "Refused deliveries" });
  await expect(refused.getByText("Wrong or missing signature", { exact: true })).toBeVisible();
  await expect(refused.getByText("3", { exact: true })).toBeVisible();
  await expect(refused.getByRole("table", { name: "Last refusals: Wrong or missing signature" }).getByRole("row")).toHaveCount(4); // header + 3
  await expect(page.getByRole("region", { name: /Delivery log/ }).getByText("No deliveries")).toBeVisible();
});

test("switching to a team one is not in is refused with a message, and the current team stays", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/projects");
  const switcher = page.getByRole("button", { name: "Switch team" });
  await expect(switcher).toContainText("Acme");
  // A forged call: the action is a public endpoint, whatever the menu offers.
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    const body = request.postData() ?? "";
    const forged = body.replace(/^\["[^"]+"\]$/, '["someone-elses-team"]');
    return route.continue({ postData: forged });
  });
  await switcher.click();
  await page.getByRole("menuitem", { name: /Acme/ }).click();
  await expect(page.getByText("Team not found.")).toBeVisible();
  await expect(page).toHaveURL(/\/projects$/);
  await page.unrouteAll();
  await page.reload();
  await expect(page.getByRole("button", { name: "Switch team" })).toContainText("Acme");
});

test("an address with a NUL character is refused with 400, pages and webhooks alike", async ({ request }) => {
  for (const address of ["/api/webhooks/github/%00", "/DEMO/sprints/%00", "/api/v1/projects/DEMO/cards?q=%00"]) {
    const res = await request.fetch(address, { method: address.startsWith("/api/webhooks") ? "POST" : "GET", data: address.startsWith("/api/webhooks") ? "{}" : undefined });
    expect(res.status(), address).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "VALIDATION_FAILED", message: expect.stringContaining("NUL") } });
  }
});
