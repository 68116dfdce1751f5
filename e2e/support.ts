import path from "node:path";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "e2e-demo-password";
export const ROLE_USERS = { po: "po@example.com", dev: "dev@example.com", viewer: "viewer@example.com", admin: "admin@example.com" } as const;
export type DemoRole = keyof typeof ROLE_USERS;

export const storageStatePath = (role: DemoRole) => path.join(import.meta.dirname, ".auth", `${role}.json`);

/** A fresh project in the demo team (Acme), so specs never share state. */
export async function createProject(request: APIRequestContext, options: { mode?: "scrum" | "kanban"; prefix?: string } = {}) {
  const me = await (await request.get("/api/v1/me")).json();
  const acme = me.teams.find((team: { name: string }) => team.name === "Acme");
  const key = `${options.prefix ?? "E"}${Date.now().toString(36).toUpperCase().slice(-6)}${Math.floor(Math.random() * 90 + 10)}`.slice(0, 10);
  const res = await request.post("/api/v1/projects", { data: { key, name: `Project ${key}`, teamId: acme.id, mode: options.mode ?? "kanban" } });
  if (!res.ok()) throw new Error(`project creation failed: ${res.status()} ${await res.text()}`);
  return (await res.json()) as { key: string; id: string };
}

export async function createCard(request: APIRequestContext, projectKey: string, data: Record<string, unknown>) {
  const res = await request.post(`/api/v1/projects/${projectKey}/cards`, { data });
  if (!res.ok()) throw new Error(`card creation failed: ${res.status()} ${await res.text()}`);
  return (await res.json()) as { key: string; version: number; title: string };
}

/** Presses the mouse on `source`, moves in steps (dnd-kit needs real movement) and hovers `target`. */
export async function dragOver(page: Page, source: Locator, target: Locator) {
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 12, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 40, { steps: 15 });
}

/**
 * Moves a card `steps` columns to the right by keyboard and drops it, listening to where it is
 * after each key (the board's live announcement), as a screen-reader user does before the next key.
 */
export async function keyboardMoveRight(page: Page, card: Locator, cardKey: string, steps: number) {
  const spoken = page.getByRole("status").filter({ hasText: cardKey });
  await card.focus();
  await page.keyboard.press("Space");
  await expect(spoken).toContainText(`Picked up ${cardKey}`);
  for (let i = 0; i < steps; i++) {
    const before = (await spoken.textContent()) ?? "";
    await page.keyboard.press("ArrowRight");
    await expect(spoken).not.toHaveText(before);
  }
  await page.keyboard.press("Space");
}
