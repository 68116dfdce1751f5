// Sign-in redirects stay on this app; signing out ends the session on the server, everywhere if asked.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createCard, createProject, storageStatePath } from "./support";

async function signUp(page: Page, name: string) {
  const email = `${name.toLowerCase()}-${Date.now()}-${Math.floor(Math.random() * 1000)}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Team name").fill(`${name}'s team`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/projects$/, { timeout: 30_000 });
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
  test.setTimeout(120_000);
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
  test.setTimeout(180_000); // two browsers, a sign-up and a sign-in
  const laptop = await newPage(browser);
  const email = await signUp(laptop, "Everywhere");
  const phone = await newPage(browser);
  await signIn(phone, email);
  await expect(phone).toHaveURL(/\/projects$/, { timeout: 30_000 });

  const account = laptop.getByRole("button", { name: "Account" });
  await account.focus();
  await laptop.keyboard.press("Enter");
  await expect(laptop.getByRole("menuitem", { name: "Sign out everywhere" })).toBeVisible();
  await laptop.keyboard.press("ArrowDown");
  await expect(laptop.getByRole("menuitem", { name: "Sign out everywhere" })).toBeFocused();
  await laptop.keyboard.press("Enter");
  await expect(laptop).toHaveURL(/\/sign-in/);

  await phone.goto("/projects");
  await expect(phone).toHaveURL(/\/sign-in/);
  await expect(phone.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test.describe("security headers", () => {
  test.use({ storageState: storageStatePath("po") });

  test("pages carry a nonce CSP and run with no CSP violation (theme script, Next.js, the board)", async ({ page, request }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
    });
    page.on("pageerror", (error) => violations.push(error.message));
    const project = await createProject(request);
    await createCard(request, project.key, { title: "Under a strict policy" });

    const first = await page.goto("/projects");
    const policy = first!.headers()["content-security-policy"]!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(first!.headers()["x-content-type-options"]).toBe("nosniff");
    expect(first!.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // Over plain HTTP there is no HSTS (it would be ignored, and could strand a plain-HTTP install).
    expect(first!.headers()["strict-transport-security"]).toBeUndefined();
    await expect(page.locator("html")).toHaveClass(/light|dark/);

    const second = await page.goto(`/${project.key}/board`);
    expect(second!.headers()["content-security-policy"]).not.toBe(policy);
    await expect(page.getByText("Under a strict policy")).toBeVisible();
    await page.getByRole("button", { name: /theme/i }).first().click();
    await page.goto("/settings/tokens");
    await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("API answers carry nosniff too", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  });
});
