// The dashboard in Chromium on the seeded store (global-setup.ts): first paint carries
// the data, the chart draws the swing with its annotations, a filter applied through
// the form narrows chart and table and the URL, and the downloaded CSV equals /api/series.
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { parse as parseCsv } from "csv-parse/sync";
import { baseUrl, launchBrowser, screenshotPath } from "./harness";

interface SeriesRow {
  date: string;
  speaker: string | null;
  series: string;
  index: number;
  statements: number;
}

async function seriesJson(query = ""): Promise<{ rows: SeriesRow[]; series: Array<{ label: string }> }> {
  const response = await fetch(`${baseUrl()}/api/series${query ? `?${query}` : ""}`);
  expect(response.status).toBe(200);
  return response.json();
}

describe("dashboard", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  });
  afterEach(async () => {
    await page.close();
  });

  test("the server's first HTML already holds the data: headline, chart data table and statements", async () => {
    const html = await (await fetch(`${baseUrl()}/`)).text();
    const { rows, series } = await seriesJson();
    expect(html).toContain("Largest swing");
    expect(html).toContain(series[0].label);
    expect(html).toContain('data-testid="series-table"');
    expect(html).toContain('data-testid="statements-table"');
    expect(html.match(/class="statement-row/g)?.length).toBeGreaterThan(10);
    expect(rows.length).toBeGreaterThan(0);
  });

  test("the chart draws one line per series, the swing from hostile to conciliatory, and annotations", async () => {
    await page.goto(`${baseUrl()}/`);
    await page.waitForSelector(".recharts-line-dots");
    const { rows, series } = await seriesJson();
    const legend = await page.locator(".recharts-legend-item-text").allInnerTexts();
    expect(legend).toEqual(series.map((s) => s.label));

    // Seed acceptance: the US president's line, hostile on 4 Jan and conciliatory on 7 Jan.
    const president = rows.filter((r) => r.speaker === "Donald Trump");
    expect(president.find((r) => r.date === "2026-01-04")!.index).toBeLessThanOrEqual(-1.5);
    expect(president.find((r) => r.date === "2026-01-07")!.index).toBeGreaterThanOrEqual(1.5);
    const headline = await page.getByTestId("headline").innerText();
    expect(headline).toContain("Donald Trump");
    expect(headline).toMatch(/4 Jan 2026[\s\S]*7 Jan 2026/);

    // A dot per data point (dots are drawn for days with statements only).
    expect(await page.locator(".recharts-line-dots circle").count()).toBe(rows.length);
    // Each series' most hostile point below zero and most conciliatory above zero are circled; a
    // label that finds no free room is left out.
    const sides = new Set(rows.filter((r) => r.index !== 0).map((r) => `${r.series}|${r.index < 0 ? "hostile" : "conciliatory"}`));
    expect(await page.locator(".chart-annotation circle").count()).toBe(sides.size);
    const annotations = await page.locator(".chart-annotation text").allTextContents();
    expect(annotations).toContain("“take up arms”");
    expect(annotations).toEqual(expect.arrayContaining(["“sounds good”", "“Great Honor”"]));

    // The accessible description and the data table alternative.
    const description = await page.locator("#chart-desc").innerText();
    expect(description).toContain("Largest swing");
    await page.getByText(/Chart data as a table/).click();
    expect(await page.locator('[data-testid="series-table"] tbody tr').count()).toBe(rows.length);

    await page.screenshot({ path: screenshotPath("dashboard-1440.png"), fullPage: true });

    // The tooltip of the president's 7 Jan point names the day, the index and the quotes behind it.
    // Another series' dot may lie on it (the same day, a close index): the pointer goes there anyway.
    const dots = page.locator(".recharts-line-dots").first().locator("circle");
    await dots.last().hover({ force: true });
    const tooltip = page.locator(".chart-tooltip");
    await tooltip.waitFor();
    const tip = await tooltip.innerText();
    expect(tip).toContain("7 Jan 2026");
    expect(tip).toMatch(/n = \d+/);
    expect(tip).toContain("“");
  });

  test("a filter applied in the form narrows chart and table, lands in the URL, and the CSV equals /api/series", async () => {
    await page.goto(`${baseUrl()}/`);
    await page.waitForSelector(".recharts-line-dots");
    // The filters fold into their one-line summary until opened.
    await page.locator(".filter-panel > summary").click();
    await page.locator("label.chip-hostile").click();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/[?&]label=hostile/);
    await page.waitForFunction(() => [...document.querySelectorAll(".statement-row .label")].every((el) => el.textContent === "hostile"));
    expect(new URL(page.url()).search).toBe("?label=hostile");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    expect(download.suggestedFilename()).toBe("tension-index-series_all-dates.csv");
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv.startsWith("date,speaker,index,statements")).toBe(true);
    const { rows } = await seriesJson("label=hostile");
    const records = parseCsv(csv, { columns: true }) as Record<string, string>[];
    expect(records.map((r) => [r.date, r.series, Number(r.index), Number(r.statements)])).toEqual(rows.map((r) => [r.date, r.series, r.index, r.statements]));
    expect(rows.every((r) => r.index < 0)).toBe(true);

    // The bookmarked URL restores the same view.
    await page.goto(page.url());
    expect(await page.locator("label.chip-hostile input").isChecked()).toBe(true);
    expect(await page.getByTestId("filter-summary").innerText()).toContain("hostile only");
  });

  test("a statement opens with its sources and an explanation that sums to its score, by keyboard too", async () => {
    await page.goto(`${baseUrl()}/?sort=sources`);
    const firstToggle = page.locator(".statement-row .row-toggle").first();
    await firstToggle.focus();
    await page.keyboard.press("Enter");
    expect(await firstToggle.getAttribute("aria-expanded")).toBe("true");
    const details = page.locator(".details-row").first();
    // The page carries the explanation; the context and sources load as the row opens.
    await details.locator(".sources > li").first().waitFor();
    const total = await details.getByTestId("explanation-total").innerText();
    const chip = await page.locator(".statement-row").first().locator(".score-chip").innerText();
    expect(Number(total.replace("−", "-"))).toBeCloseTo(Number(chip.replace("−", "-")), 1);
    const sources = await details.locator(".sources > li").count();
    const sourcesCell = await page.locator(".statement-row").first().locator("td.sources-cell").innerText();
    expect(sources).toBe(parseInt(sourcesCell, 10));
    expect(sources).toBeGreaterThan(1);
    expect(await details.locator(".sources blockquote").first().innerText()).toMatch(/^“.+”$/s);
    // Each source says how it gives the words, and the day it gives them, if any; only quoted ones
    // are in quotation marks.
    const heads = await details.locator(".sources .source-head").allInnerTexts();
    const words = await details.locator(".sources blockquote").allInnerTexts();
    expect(heads).toHaveLength(sources);
    heads.forEach((head, i) => {
      expect(head).toMatch(/· (quoted|reported speech)( · dates it \d{1,2} \w{3} \d{4}( – \d{1,2} \w{3} \d{4})?)?$/);
      expect(/^“.+”$/s.test(words[i])).toBe(/· quoted( ·|$)/.test(head));
    });
    expect(heads.some((head) => head.includes("· dates it "))).toBe(true);
  });

  test("a malformed filter in the address is named, not a crash", async () => {
    const response = await page.goto(`${baseUrl()}/?from=2026-02-31`);
    expect(response!.status()).toBe(200);
    expect(await page.getByRole("alert").first().innerText()).toContain("from:");
  });

  test("fits a 375 px phone without sideways scrolling", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${baseUrl()}/`);
    await page.waitForSelector(".recharts-line-dots");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // Statements become cards: the quote is on screen, not behind a sideways scroll.
    const quote = await page.locator(".statement-row .quote").first().boundingBox();
    expect(quote!.x + quote!.width).toBeLessThanOrEqual(375);
    await page.screenshot({ path: screenshotPath("dashboard-375.png"), fullPage: true });
  });
});
