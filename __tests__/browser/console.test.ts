// Every page loads without an error in the browser's console, at a laptop's width and a phone's,
// logged out and as an admin; and the favicon is served.
import type { Page } from "playwright-core";
import { adminPassword, baseUrl, browserSession, launchBrowser, loggedInAdminPage } from "./harness";

/** Console errors and uncaught exceptions of `page` from now on. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`exception: ${error.message}`));
  return errors;
}

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl()}${path}`);
  await page.waitForLoadState("networkidle");
}

describe.each([
  ["1440 px", { width: 1440, height: 900 }],
  ["375 px", { width: 375, height: 800 }],
])("no console errors at %s", (_, viewport) => {
  const session = browserSession(viewport);

  test("the dashboard, a filtered view, /methodology and the logged-out /admin", async () => {
    const errors = collectErrors(session.page);
    for (const path of ["/", "/?resolution=week", "/?from=2026-01-05&to=2026-01-07&label=hostile", "/methodology", "/admin"]) await visit(session.page, path);
    // Hovering the chart draws its tooltip; opening a statement its explanation.
    await visit(session.page, "/");
    await session.page.locator(".recharts-surface").first().hover();
    await session.page.locator(".statement-row").first().click();
    expect(errors).toEqual([]);
  });
});

test("as an admin, /admin has no console errors, and the favicon is served", async () => {
  const browser = await launchBrowser();
  try {
    const page = await loggedInAdminPage(browser, baseUrl(), adminPassword());
    const errors = collectErrors(page);
    await visit(page, "/admin");
    expect(errors).toEqual([]);
    const icon = await fetch(`${baseUrl()}/icon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toContain("image/svg");
  } finally {
    await browser.close();
  }
});
