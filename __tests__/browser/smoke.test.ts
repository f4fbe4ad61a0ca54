// Smoke test: the production build serves the home page and Chromium renders it.
import type { Browser } from "playwright-core";
import { baseUrl, launchBrowser, screenshotPath } from "./harness";

describe("browser smoke", () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("home page answers 200 with the title heading", async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const response = await page.goto(`${baseUrl()}/`, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    expect((await page.locator("h1").first().innerText()).trim()).toBe("Tension Index");
    await page.screenshot({ path: screenshotPath("smoke.png"), fullPage: true });
    await page.close();
  });
});
