// Teams in the browser: sign-up names the team, an owner invites a teammate who signs up from the
// link in a second browser and lands in the team; roles, removal and renaming; who may do what.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, storageStatePath } from "./support";

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

async function signUp(page: Page, person: { name: string; email: string; team?: string }) {
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  if (person.team) await page.getByLabel("Team name").fill(person.team);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** The member's name is on screen with room to read it (the role select once squeezed it to 0 px). */
async function expectNameReadable(page: Page, name: string) {
  const label = page.getByRole("main").getByText(name, { exact: true });
  await expect(label).toBeVisible();
  expect((await label.boundingBox())!.width).toBeGreaterThan(40);
}

test("an owner invites a teammate who signs up from the link in another browser and lands in the team; the owner changes their role, renames the team and removes them", async ({ browser }) => {
  test.setTimeout(150_000); // two browsers, two sign-ups and a dozen server round trips
  const id = stamp();
  const team = `Orbit crew ${id}`;
  const owner = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await owner.newPage();
  await page.goto("/sign-up");
  await signUp(page, { name: "Olive Owner", email: `olive-${id}@example.com`, team });
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole("button", { name: "Switch team" })).toContainText(team);

  await page.getByRole("link", { name: "Team & invitations" }).click();
  await expect(page.getByRole("heading", { name: team })).toBeVisible();
  const inviteeEmail = `theo-${id}@example.com`;
  await page.getByLabel("Email").fill(inviteeEmail);
  await page.getByRole("combobox", { name: "Role", exact: true }).selectOption("MEMBER");
  await page.getByRole("button", { name: "Create invitation" }).click();
  const created = page.getByRole("status").filter({ hasText: "Invitation link for" });
  await expect(created).toContainText(inviteeEmail);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Link copied")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/invite\/inv_/);
  await expect(page.getByTestId("invitation-link")).toHaveText(link);
  await expect(page.getByRole("region", { name: "Pending invitations" })).toContainText(inviteeEmail);

  const teammate = await browser.newContext();
  const other = await teammate.newPage();
  await other.goto(link);
  await expect(other.getByRole("heading", { name: `Join ${team}` })).toBeVisible();
  await other.getByRole("link", { name: "create an account" }).click();
  await expect(other.getByLabel("Team name")).toHaveCount(0);
  await signUp(other, { name: "Theo Teammate", email: inviteeEmail });
  await expect(other.getByRole("heading", { name: `Join ${team}` })).toBeVisible();
  await other.getByRole("button", { name: "Accept invitation" }).click();
  await expect(other).toHaveURL(/\/projects$/);
  await expect(other.getByRole("button", { name: "Switch team" })).toContainText(team);

  await page.reload();
  await expectNameReadable(page, "Theo Teammate");
  await expect(page.getByRole("heading", { name: "Pending invitations" })).toHaveCount(0);
  await page.getByRole("combobox", { name: "Role of Theo Teammate" }).selectOption("PRODUCT_OWNER");
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Role of Theo Teammate" })).toHaveValue("PRODUCT_OWNER");

  await page.getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("Team name").fill(`${team} (renamed)`);
  await page.getByLabel("Team name").press("Enter");
  await expect(page.getByRole("heading", { name: `${team} (renamed)` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Switch team" })).toContainText(`${team} (renamed)`);

  await page.getByRole("button", { name: "Remove Theo Teammate" }).click();
  const confirm = page.getByRole("dialog", { name: `Remove Theo Teammate from ${team} (renamed)?` });
  await expect(confirm).toContainText("They lose access to every project of the team");
  await confirm.getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByText(`Theo Teammate was removed from ${team} (renamed)`)).toBeVisible();
  await expect(page.getByRole("main").getByText("Theo Teammate", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("main").getByText("Members (1)")).toBeVisible();

  // The owner is the last one: there is no control to demote or remove them.
  await expect(page.getByRole("combobox", { name: /Role of Olive Owner/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Remove Olive Owner/ })).toHaveCount(0);
  await owner.close();
  await teammate.close();
});

test("an admin invites by keyboard; the demo admin cannot change or remove another admin's role", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("admin") });
  const page = await context.newPage();
  await page.goto("/settings/team");
  const email = page.getByLabel("Email");
  await email.focus();
  await page.keyboard.type(`kbd-${stamp()}@example.com`);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("combobox", { name: "Role", exact: true })).toBeFocused();
  // Admins cannot invite admins or owners: the choices stop at product owner.
  await expect(page.getByRole("combobox", { name: "Role", exact: true }).locator("option")).toHaveText(["Viewer", "Member", "Product owner"]);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Create invitation" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("invitation-link")).toContainText("/invite/inv_");

  await expectNameReadable(page, "Dev Patel");
  await expect(page.getByRole("combobox", { name: "Role of Dev Patel" }).locator("option")).toHaveText(["Viewer", "Member", "Product owner"]);
  await expect(page.getByRole("button", { name: "Remove Dev Patel" })).toBeVisible();
  await expect(page.getByText("Only an owner changes the role of an admin or owner, or removes one.")).toBeVisible();
  await context.close();
});

for (const width of [1440, 390]) {
  test(`member names are readable at ${width} px`, async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStatePath("admin"), viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto("/settings/team");
    for (const name of ["Priya Owner", "Dev Patel", "Vic Viewer"]) await expectNameReadable(page, name);
    await page.screenshot({ path: test.info().outputPath(`team-${width}.png`), fullPage: true });
    await context.close();
  });
}

test("sign-up shows one password message and answers a registered email like a new one", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Mallory");
  await page.getByLabel("Email").fill("dev@example.com");
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Team name").fill("Takeover");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(page.getByText("At least 8 characters.", { exact: true })).toHaveCount(0);

  // A registered email with a password that is not its own: nothing says the email is taken; the
  // account is untouched, and the answer is the one a wrong sign-in gets.
  await page.getByLabel("Password").fill("not-devs-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("We could not sign you in with this email and password. If you already have an account, sign in with its password.");
  await expect(page.getByText(/already exists|already registered|taken/i)).toHaveCount(0);
  await expect(page).toHaveURL(/\/sign-up$/);

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("dev@example.com");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/(projects|[A-Z0-9]+\/board)/);
  await expect(page.getByRole("button", { name: "Switch team" })).toContainText("Acme");
  await expect(page.getByRole("button", { name: "Switch team" })).not.toContainText("Takeover");
});

test("the New project dialog suggests a key from the name, and a key used anywhere on the instance gets a free one suggested", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("po") });
  const page = await context.newPage();
  await page.goto("/projects");
  await page.getByRole("button", { name: "New project" }).click();
  const dialog = page.getByRole("dialog", { name: "New project" });
  await dialog.getByLabel("Name").fill("Web shop");
  await expect(dialog.getByLabel("Key")).toHaveValue("WS");
  await dialog.getByLabel("Name").fill("Demonstration");
  await expect(dialog.getByLabel("Key")).toHaveValue("DEMO");
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(dialog.getByText(/The key DEMO is already taken: project keys are unique across this whole Shipboard instance/)).toBeVisible();
  const use = dialog.getByRole("button", { name: /^Use DEMO\d+$/ });
  const suggestion = (await use.textContent())!.replace("Use ", "");
  await use.click();
  await expect(dialog.getByLabel("Key")).toHaveValue(suggestion);
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(new RegExp(`/${suggestion}/board$`), { timeout: 30_000 });
  await context.close();
});

test("viewers see no New project control", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("viewer") });
  const page = await context.newPage();
  await page.goto("/projects");
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "New project" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "New project" })).toHaveCount(0);
  await context.close();
});
