// Sign-in redirects stay on this app; signing out ends the session on the server, everywhere if asked.
import { expect, test, type Browser, type Page } from "@playwright/test";

async function signUp(page: Page, name: string) {
  const email = `${name.toLowerCase()}-${Date.now()}-${Math.floor(Math.random() * 1000)}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  return email;
}

async function signIn(page: Page, email: string, path = "/sign-in") {
  await page.goto(path);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

test("a callbackUrl that leads off the app (/\\evil.example) lands on the projects page", async ({ browser }) => {
  const owner = await newPage(browser);
  const email = await signUp(owner, "Redirected");
  const page = await newPage(browser);
  await signIn(page, email, "/sign-in?callbackUrl=%2F%5Cevil.example");
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/projects$/);
});

test("a same-origin callbackUrl is followed after signing in", async ({ browser }) => {
  const email = await signUp(await newPage(browser), "Returning");
  const page = await newPage(browser);
  await signIn(page, email, "/sign-in?callbackUrl=%2Fsettings%2Ftokens");
  await expect(page).toHaveURL(/\/settings\/tokens$/);
});

test("signing out ends the session on the server: a saved copy of the cookie no longer works", async ({ browser }) => {
  const page = await newPage(browser);
  await signUp(page, "Copier");
  const saved = await page.context().storageState();
  await page.getByRole("button", { name: "Account" }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const replay = await browser.newContext({ storageState: saved });
  const stolen = await replay.newPage();
  await stolen.goto("/projects");
  await expect(stolen).toHaveURL(/\/sign-in/);
  expect((await replay.request.get("/api/v1/me")).status()).toBe(401);
});

test("sign out everywhere, by keyboard, ends the sessions on other devices too", async ({ browser }) => {
  const laptop = await newPage(browser);
  const email = await signUp(laptop, "Everywhere");
  const phone = await newPage(browser);
  await signIn(phone, email);
  await expect(phone).toHaveURL(/\/projects$/);

  const account = laptop.getByRole("button", { name: "Account" });
  await account.focus();
  await laptop.keyboard.press("Enter");
  await expect(laptop.getByRole("menuitem", { name: "Sign out everywhere" })).toBeVisible();
  await laptop.keyboard.press("ArrowDown");
  await expect(laptop.getByRole("menuitem", { name: "Sign out everywhere" })).toBeFocused();
  await laptop.keyboard.press("Enter");
  await expect(laptop).toHaveURL(/\/sign-in/);

  await phone.reload();
  await expect(phone).toHaveURL(/\/sign-in/);
  await expect(phone.getByRole("heading", { name: "Sign in" })).toBeVisible();
});
