// Sources are cited, not named by file: a statement's details show each report's outlet, linked
// title and publication day from the article's front matter (a seed without front matter: its
// headline and day, still no file name). The favicon is served, and / and /admin link each other.
import type { Page } from "playwright-core";
import { createPrisma, type Db } from "../../lib/store/client";
import { analyzeBatch } from "../../lib/ingest/batch";
import { ingestBatch } from "../../lib/store/ingest";
import { removeArticle } from "../../lib/store/remove";
import { baseUrl, browserSession, screenshotPath } from "./harness";

const PATH = "e2e/citation-talks.md";
const ARTICLE = [
  "---",
  "title: Norway welcomes border talks",
  "source: Nordic Wire",
  "url: https://nordicwire.example/2026/border-talks",
  "date: 2026-03-03",
  "---",
  "Norway welcomes border talks",
  "",
  "OSLO — Norway's prime minister Ola Berg said on Monday that Sweden's offer of border talks was \"a welcome and generous step toward lasting friendship\".",
].join("\n");

describe("citations, favicon and navigation", () => {
  const session = browserSession();
  let store: Db;

  beforeAll(async () => {
    store = createPrisma(process.env.E2E_DATABASE_URL);
    const batch = analyzeBatch([{ path: PATH, bytes: Buffer.from(ARTICLE, "utf8") }]);
    expect(batch.statements.length).toBeGreaterThan(0);
    await ingestBatch(store, batch);
  });
  afterAll(async () => {
    await removeArticle(store, { paths: [PATH] }).catch(() => undefined);
    await store?.$disconnect();
  });

  async function openFirstRow(query: string): Promise<ReturnType<Page["locator"]>> {
    const { page } = session;
    await page.goto(`${baseUrl()}/${query}`);
    await page.locator(".statement-row .row-toggle").first().click();
    const details = page.locator(".details-row").first();
    await details.getByTestId("citation").first().waitFor();
    return details;
  }

  test("a source with front matter is cited by outlet, linked title and publication day", async () => {
    const { page } = session;
    const details = await openFirstRow("?q=generous+step");
    const citation = details.getByTestId("citation").first();
    expect(await citation.getByTestId("source-outlet").textContent()).toBe("Nordic Wire");
    const link = citation.getByTestId("source-link");
    expect(await link.textContent()).toBe("Norway welcomes border talks");
    expect(await link.getAttribute("href")).toBe("https://nordicwire.example/2026/border-talks");
    expect(await citation.getByTestId("source-day").getAttribute("datetime")).toBe("2026-03-03");
    expect(await citation.getByTestId("source-day").textContent()).toBe("3 Mar 2026");
    expect(await details.textContent()).not.toContain("citation-talks.md");
    await details.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath("citation-1440.png") });
    await page.setViewportSize({ width: 375, height: 800 });
    await details.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath("citation-375.png") });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  test("a seed without front matter is cited by its headline and day, not its file name", async () => {
    const details = await openFirstRow("?q=Great+Honor");
    const citations = details.getByTestId("citation");
    expect(await citations.count()).toBeGreaterThan(0);
    expect(await details.getByTestId("source-file").count()).toBe(0);
    const text = (await citations.allTextContents()).join("\n");
    expect(text).not.toMatch(/\.txt/);
    expect(text).toMatch(/\d{1,2} [A-Z][a-z]{2} \d{4}/);
  });

  test("the favicon is served and linked from the page", async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/`);
    const href = await page.locator('head link[rel="icon"]').first().getAttribute("href");
    expect(href).toMatch(/^\/icon\.svg/);
    const response = await fetch(new URL(href!, baseUrl()));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    expect(await response.text()).toContain("<svg");
  });

  test("the dashboard links to /admin and /admin back to the dashboard", async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/`);
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Admin" }).click();
    await page.waitForURL(`${baseUrl()}/admin`);
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Dashboard" }).click();
    await page.waitForURL(`${baseUrl()}/`);
    await page.getByRole("heading", { name: "Statements" }).waitFor();
  });
});
