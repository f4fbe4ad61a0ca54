// Helpers for browser tests (jest project "browser"). global-setup.ts builds and serves
// the app and passes E2E_BASE_URL and CHROMIUM_PATH to the test workers through the
// environment, or E2E_SETUP_ERROR when it failed (every helper below then throws it).
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

const ROOT = path.resolve(__dirname, "..", "..");

function required(name: string): string {
  const setupError = process.env.E2E_SETUP_ERROR;
  if (setupError) throw new Error(`browser test setup (__tests__/browser/global-setup.ts) failed: ${setupError}`);
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run browser tests through jest (\`npx jest --selectProjects browser\`), whose global setup sets it`);
  return value;
}

/** Origin of the production server started by global-setup.ts, e.g. http://127.0.0.1:41234 (no trailing slash). */
export function baseUrl(): string {
  return required("E2E_BASE_URL");
}

/** Headless Debian Chromium through playwright-core. Close it in afterAll. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: required("CHROMIUM_PATH"),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
}

/** Absolute path for a screenshot under <repo>/test-results/ (created if missing). */
export function screenshotPath(name: string): string {
  const dir = path.join(ROOT, "test-results");
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/** The admin password the test server was started with (ADMIN_PASSWORD). */
export function adminPassword(): string {
  return required("E2E_ADMIN_PASSWORD");
}

/**
 * Registers the hooks of a describe block that drives one browser: launched once, a fresh page
 * per test at `viewport`. Read `session.page` inside the tests.
 */
export function browserSession(viewport = { width: 1440, height: 900 }): { browser: Browser; page: Page } {
  const session = {} as { browser: Browser; page: Page };
  beforeAll(async () => {
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  beforeEach(async () => {
    session.page = await session.browser.newPage({ viewport });
  });
  afterEach(async () => {
    await session.page?.close();
  });
  return session;
}

/** A page of `browser` on the admin page of the server at `serverUrl`, logged in with `password`. */
export async function loggedInAdminPage(browser: Browser, serverUrl: string, password: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(`${serverUrl}/admin`);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /log in/i }).click();
  await page.getByRole("heading", { name: "Add articles" }).waitFor();
  return page;
}
