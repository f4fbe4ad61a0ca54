// Keeping the store right from the browser: the admin adds an article and removes it again (the
// chart returns to what it was; an unknown article is refused), /admin says when articles need
// analysing again, and the dashboard says how many statements the chart does not show yet while
// days are queued for its rollups.
import type { Browser, Page } from "playwright-core";
import { createPrisma, type Db } from "../../lib/store/client";
import { flushPendingRollups } from "../../lib/store/ingest";
import { ANALYSIS_VERSION } from "../../lib/ingest/analysis-version";
import { adminPassword, baseUrl, launchBrowser, screenshotPath } from "./harness";

async function text(path: string): Promise<string> {
  const response = await fetch(`${baseUrl()}${path}`);
  expect(response.status).toBe(200);
  return response.text();
}

const ARTICLE = [
  "---",
  "title: Ministers trade barbs over border rules",
  "date: 2026-03-02",
  "---",
  "Ministers trade barbs over border rules",
  "",
  "OSLO — Norway's foreign minister Kari Lunde said on Monday that Sweden's new border rules were \"a hostile and reckless act\".",
].join("\n");

describe("stored articles and the chart", () => {
  let browser: Browser;
  let page: Page;
  let store: Db;

  beforeAll(async () => {
    browser = await launchBrowser();
    store = createPrisma(process.env.E2E_DATABASE_URL);
  });
  afterAll(async () => {
    await store?.$disconnect();
    await browser?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  });
  afterEach(async () => {
    await page.close();
  });

  test("the admin removes an article; the chart returns to what it was; an unknown one is refused", async () => {
    const seriesBefore = await text("/api/series");
    await page.goto(`${baseUrl()}/admin`);
    await page.getByLabel("Password").fill(adminPassword());
    await page.getByRole("button", { name: /log in/i }).click();
    await page.getByRole("heading", { name: "Stored articles" }).waitFor();

    await page.getByLabel("Paste an article").fill(ARTICLE);
    await page.getByLabel("File name").fill("barbs-e2e.md");
    await page.getByRole("button", { name: "Ingest" }).click();
    await page.getByTestId("ingest-result").getByText(/1 new article/).waitFor();
    const row = page.locator("[data-testid=articles] tbody tr", { hasText: "pasted/barbs-e2e.md" });
    await row.waitFor();
    expect(await text("/api/series")).not.toBe(seriesBefore);

    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: /Remove article \d+/ }).click();
    await page.getByTestId("remove-result").getByText(/Removed pasted\/barbs-e2e\.md and its 1 report: 1 statement only it reported removed/).waitFor();
    await row.waitFor({ state: "detached" });
    expect(await store.article.count({ where: { path: "pasted/barbs-e2e.md" } })).toBe(0);
    expect(await text("/api/series")).toBe(seriesBefore);

    const articles = await store.article.count();
    await page.getByLabel("Remove an article by id or path").fill("99999");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.locator(".remove-form").getByRole("button", { name: "Remove" }).click();
    await page.getByTestId("remove-error").getByText("no stored article has the id 99999").waitFor();
    expect(await store.article.count()).toBe(articles);
    await page.screenshot({ path: screenshotPath("admin-articles-1440.png"), fullPage: true });
  });

  test("while articles were analysed by an older version, /admin says to run npm run reanalyze", async () => {
    const notice = page.getByTestId("stale-analysis");
    await page.goto(`${baseUrl()}/admin`);
    await page.getByLabel("Password").fill(adminPassword());
    await page.getByRole("button", { name: /log in/i }).click();
    await page.getByRole("heading", { name: "Stored articles" }).waitFor();
    expect(await notice.count()).toBe(0);
    const article = await store.article.findFirstOrThrow({ orderBy: { id: "asc" } });
    await store.article.update({ where: { id: article.id }, data: { analysisVersion: null } });
    try {
      await page.reload();
      await page.getByRole("heading", { name: "Stored articles" }).waitFor();
      expect(await notice.textContent()).toBe("1 article was analysed by an older version: run npm run reanalyze");
    } finally {
      await store.article.update({ where: { id: article.id }, data: { analysisVersion: ANALYSIS_VERSION } });
    }
    await page.reload();
    await page.getByRole("heading", { name: "Stored articles" }).waitFor();
    expect(await notice.count()).toBe(0);
  });

  test("while days are queued for the chart, the dashboard says how many statements it does not show yet", async () => {
    await page.goto(`${baseUrl()}/`);
    await page.waitForSelector(".recharts-line-dots");
    expect(await page.getByTestId("chart-lag").count()).toBe(0);

    // What a bulk ingest killed before rebuilding leaves: one speaker's day queued.
    const day = { speakerKey: "donald trump", speakerCountry: "United States", target: "Colombia", date: "2026-01-04" };
    const statements = await store.statement.count({ where: { speakerKey: day.speakerKey, date: day.date } });
    expect(statements).toBeGreaterThan(1);
    await store.rollupPending.create({ data: day });
    try {
      await page.reload();
      await page.getByTestId("chart-lag").getByText(`${statements} statements not charted yet`).waitFor();
    } finally {
      await flushPendingRollups(store);
    }
    await page.reload();
    await page.waitForSelector(".recharts-line-dots");
    expect(await page.getByTestId("chart-lag").count()).toBe(0);
  });
});
