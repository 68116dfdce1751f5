// Signs in once per demo role through the real form and saves the session for the other specs.
import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD, ROLE_USERS, storageStatePath, type DemoRole } from "./support";

for (const [role, email] of Object.entries(ROLE_USERS) as Array<[DemoRole, string]>) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/(projects|[A-Z0-9]+\/board)/);
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
