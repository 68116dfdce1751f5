// Locates a Chromium for Playwright: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  for (const path of candidates) if (path && existsSync(path)) return path;
  try {
    const { chromium } = createRequire(import.meta.url)("@playwright/test");
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright's browser is not downloaded; fall through to the message below.
  }
  return null;
}

export const CHROMIUM_HELP = `No Chromium found for the end-to-end tests. Install one of:
  - Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
  - or set CHROMIUM_PATH=/path/to/chromium
  - or, where the network allows it:  npx playwright install chromium`;
