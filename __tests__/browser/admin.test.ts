// The admin page in Chromium: log in, move a rule's weight, watch the preview chart
// change, save, see the dashboard and its CSV change, roll back, see them return; paste
// an article.
import type { Browser, Page } from "playwright-core";
import { adminPassword, baseUrl, launchBrowser, screenshotPath } from "./harness";

async function text(path: string): Promise<string> {
  const response = await fetch(`${baseUrl()}${path}`);
  expect(response.status).toBe(200);
  return response.text();
}

async function linePaths(page: Page, chart: string): Promise<string[]> {
  return page.locator(`[data-testid="${chart}"] .recharts-line-curve`).evaluateAll((paths) => paths.map((p) => p.getAttribute("d") ?? ""));
}

describe("admin", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("is closed to visitors and refuses a wrong password", async () => {
    await page.goto(`${baseUrl()}/admin`);
    expect(await page.locator(".weights-table").count()).toBe(0);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: /log in/i }).click();
    const alert = page.locator("form").getByRole("alert");
    await alert.getByText(/password/i).waitFor();
  });

  test("tune, preview, save, see the dashboard change, roll back, see it return", async () => {
    const seriesBefore = await text("/api/series");
    const csvBefore = await text("/api/export");

    await page.goto(`${baseUrl()}/admin`);
    await page.getByLabel("Password").fill(adminPassword());
    await page.getByRole("button", { name: /log in/i }).click();
    await page.getByRole("heading", { name: "Scoring weights" }).waitFor();
    await page.waitForSelector('[data-testid="preview-chart"] .recharts-line-curve');
    expect(await linePaths(page, "preview-chart")).toEqual(await linePaths(page, "saved-chart"));

    // The rule that fires on the most stored statements, turned to its opposite.
    const rows = await page.locator("tr[data-rule]").evaluateAll((trs) =>
      trs.map((tr) => ({ id: tr.getAttribute("data-rule")!, fires: Number(tr.querySelectorAll("td")[3]?.textContent ?? 0) })),
    );
    const busiest = rows.sort((a, b) => b.fires - a.fires)[0];
    expect(busiest.fires).toBeGreaterThan(0);
    const input = page.locator(`#w-rule-${busiest.id}`);
    const original = Number(await input.inputValue());
    const previewed = page.waitForResponse((r) => r.url().includes("/api/weights/preview") && r.status() === 200);
    await input.fill(String(original > 0 ? -10 : 10));
    await previewed;
    await page.waitForFunction(() => {
      const d = (id: string) => [...document.querySelectorAll(`[data-testid="${id}"] .recharts-line-curve`)].map((p) => p.getAttribute("d")).join("|");
      return d("preview-chart") !== d("saved-chart");
    });
    expect(await page.getByTestId("changed-summary").innerText()).toMatch(/would change label/);
    await page.screenshot({ path: screenshotPath("admin-1440.png"), fullPage: true });
    expect(await text("/api/series")).toBe(seriesBefore); // nothing saved yet

    await page.getByPlaceholder(/What changed/).fill(`flip ${busiest.id}`);
    await page.getByRole("button", { name: "Save new version" }).click();
    await page.getByText(/Saved as version 2/).waitFor();
    await page.getByTestId("save-status").getByText("version 2").waitFor();
    const seriesAfter = await text("/api/series");
    expect(seriesAfter).not.toBe(seriesBefore);
    expect(await text("/api/export")).not.toBe(csvBefore);
    expect(JSON.parse(await text("/api/weights"))).toMatchObject({ version: 2, note: `flip ${busiest.id}` });

    await page.getByRole("button", { name: "Roll back to version 1" }).click();
    await page.getByText(/Version 1 restored as version 3/).waitFor();
    expect(await text("/api/series")).toBe(seriesBefore);
    expect(await text("/api/export")).toBe(csvBefore);
    // The page reloads its data after the rollback: history and status show version 3.
    await page.getByTestId("history").getByText(/rollback to version 1/).waitFor();
    await page.getByTestId("save-status").getByText("version 3").waitFor();
  });

  test("ingests a pasted article, with the file input left empty", async () => {
    await page.goto(`${baseUrl()}/admin`);
    await page.getByLabel("Paste an article").fill(
      "Ministers make up\n\nOSLO, March 9, 2026 — Sweden's foreign minister Anna Berg said on Monday that Norway was \"a trusted friend and partner\".",
    );
    await page.getByRole("button", { name: "Ingest" }).click();
    const result = page.getByTestId("ingest-result");
    await result.waitFor();
    expect(await result.innerText()).toMatch(/^1 new article, 0 already stored; [1-9]\d* new statements?, 0 merged into stored ones\.$/);
    expect(await page.getByTestId("ingest-error").count()).toBe(0);
  });
});
