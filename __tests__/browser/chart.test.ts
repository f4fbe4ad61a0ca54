// The dashboard chart in Chromium on the seeded store (global-setup.ts): where it sits on a
// desktop and a phone, honest lines (solid only between consecutive periods with data),
// statement bars, labels on each series' extremes, one panel per pair of countries, zoom by
// brush, the tooltip's place, and taking the chart away (SVG, PNG, link). Events are drawn
// from a bundle of the chart alone, since the page passes none yet.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { build } from "esbuild";
import { nextPeriod } from "@/lib/core/days";
import { baseUrl, browserSession, screenshotPath } from "./harness";

interface SeriesRow {
  date: string;
  series: string;
  index: number;
  statements: number;
}

async function seriesRows(query = ""): Promise<SeriesRow[]> {
  const response = await fetch(`${baseUrl()}/api/series${query ? `?${query}` : ""}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { rows: SeriesRow[] }).rows;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function open(page: Page, query = "") {
  await page.goto(`${baseUrl()}/${query ? `?${query}` : ""}`);
  await page.waitForSelector(".recharts-line-dots");
}

/** Per series, how many pairs of its points lie in consecutive periods, and how many runs of such points it has. */
function expectedSegments(rows: SeriesRow[], resolution: "day" | "week"): { segments: number; runs: number } {
  const bySeries = new Map<string, string[]>();
  for (const r of rows) bySeries.set(r.series, [...(bySeries.get(r.series) ?? []), r.date]);
  let segments = 0;
  let runs = 0;
  for (const dates of bySeries.values()) {
    const sorted = [...dates].sort();
    runs += 1;
    for (let i = 1; i < sorted.length; i++) {
      if (nextPeriod(sorted[i - 1], resolution) === sorted[i]) segments += 1;
      else runs += 1;
    }
  }
  return { segments, runs };
}

describe("dashboard chart on a desktop", () => {
  const session = browserSession({ width: 1440, height: 900 });

  test("the first panel is fully visible without scrolling at 1440×900", async () => {
    await open(session.page);
    const panel = (await session.page.getByTestId("chart-panel").first().boundingBox())!;
    expect(panel.y).toBeGreaterThanOrEqual(0);
    expect(panel.y + panel.height).toBeLessThanOrEqual(900);
    expect(await session.page.evaluate(() => window.scrollY)).toBe(0);
  });

  test.each(["day", "week"] as const)("lines are solid only between consecutive periods with data, with a gap otherwise (%s)", async (resolution) => {
    await open(session.page, `resolution=${resolution}`);
    const rows = await seriesRows(`resolution=${resolution}`);
    const paths = await session.page.locator(".recharts-line-curve").evaluateAll((els) => els.map((el) => ({ d: el.getAttribute("d") ?? "", dash: getComputedStyle(el).strokeDasharray })));
    const { segments, runs } = expectedSegments(rows, resolution);
    const count = (letter: string) => paths.reduce((n, p) => n + (p.d.match(new RegExp(letter, "g"))?.length ?? 0), 0);
    // A run of one point draws no path command worth a segment: only runs of two or more start an M.
    expect(count("L")).toBe(segments);
    expect(count("M")).toBeLessThanOrEqual(runs);
    expect(paths.every((p) => p.dash === "none")).toBe(true);
    if (resolution === "week") expect(segments).toBeGreaterThan(0);
  });

  test("bars under the index count each point's statements; a point on one statement is drawn lighter", async () => {
    await open(session.page);
    const rows = await seriesRows();
    const bars = await session.page.locator(".chart-volume .recharts-rectangle").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(bars).toHaveLength(rows.length);
    const busiest = Math.max(...rows.map((r) => r.statements));
    const tallest = Math.max(...bars);
    expect(tallest).toBeGreaterThan(0);
    // Heights are proportional to the counts, on one scale for every panel.
    const fewest = Math.min(...rows.map((r) => r.statements));
    expect(Math.min(...bars) / tallest).toBeCloseTo(fewest / busiest, 1);
    // The bars stay in their lane, under the index's −10 line.
    const lane = await session.page.locator(".band-label-hostile").first().boundingBox();
    const barTops = await session.page.locator(".chart-panel").first().locator(".chart-volume .recharts-rectangle").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().y));
    for (const top of barTops) expect(top).toBeGreaterThan(lane!.y);
    expect(await session.page.locator(".chart-dot-single").count()).toBe(rows.filter((r) => r.statements === 1).length);
    expect(await session.page.locator(".chart-dot:not(.chart-dot-single)").count()).toBe(rows.filter((r) => r.statements > 1).length);
  });

  test("each series' extremes carry their most widely reported direct quote; no label overlaps another or a band label", async () => {
    await open(session.page);
    const labels = await session.page.locator(".chart-annotation text").allTextContents();
    expect(labels).toEqual(expect.arrayContaining(["“sounds good”", "“Great Honor”"]));
    for (const panel of await session.page.getByTestId("chart-panel").all()) {
      const boxes = await panel.locator(".chart-annotation rect").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Rect));
      const bands = await panel.locator(".band-label").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Rect));
      boxes.forEach((box, i) => {
        for (const other of boxes.slice(i + 1)) expect(overlap(box, other)).toBe(false);
        for (const band of bands) expect(overlap(box, band)).toBe(false);
      });
    }
    // The president's hostile label sits by his 4 January point.
    const sounds = await session.page.locator(".chart-annotation", { hasText: "sounds good" }).getAttribute("data-side");
    expect(sounds).toBe("hostile");
  });

  test("dyads compare as small multiples: one panel per pair with both directions, each over its own span, none squeezed", async () => {
    await open(session.page, "by=dyad");
    const rows = await seriesRows("by=dyad");
    const pairs = new Map<string, Set<string>>();
    for (const r of rows) {
      const pair = r.series.split(" → ").sort().join(" ↔ ");
      pairs.set(pair, new Set([...(pairs.get(pair) ?? []), r.series]));
    }
    const panels = session.page.getByTestId("chart-panel");
    expect(await panels.count()).toBe(pairs.size);
    const heights = new Set<number>();
    for (const panel of await panels.all()) {
      const title = await panel.locator(".chart-panel-title").innerText();
      const [a, b] = title.split(" ↔ ");
      const members = pairs.get([a, b].sort().join(" ↔ "));
      expect(members).toBeDefined();
      expect(new Set(await panel.locator(".recharts-legend-item-text").allInnerTexts())).toEqual(members);
      // Its own span: the first and last tick are its own first and last dates.
      const dates = rows.filter((r) => members!.has(r.series)).map((r) => r.date).sort();
      const ticks = await panel.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents();
      expect(ticks.length).toBeGreaterThan(0);
      const day = (iso: string) => String(Number(iso.slice(8, 10)));
      expect(ticks[0]).toContain(day(dates[0]));
      expect(ticks[ticks.length - 1]).toContain(day(dates[dates.length - 1]));
      heights.add(Math.round((await panel.locator(".chart-plot").boundingBox())!.height));
    }
    expect(pairs.get("Colombia ↔ United States")?.size).toBe(2);
    expect(heights.size).toBe(1);
  });

  test("series colours stay off the conciliatory band's green", async () => {
    await open(session.page);
    const strokes = await session.page.locator(".recharts-line-curve").evaluateAll((els) => els.map((el) => getComputedStyle(el).stroke));
    expect(strokes.length).toBeGreaterThan(2);
    const hue = (rgb: string) => {
      const [r, g, b] = (rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n) / 255);
      const max = Math.max(r, g, b);
      const min = Math.min(r, g, b);
      if (max === min) return null;
      const h = max === r ? ((g - b) / (max - min)) % 6 : max === g ? (b - r) / (max - min) + 2 : (r - g) / (max - min) + 4;
      return (h * 60 + 360) % 360;
    };
    for (const stroke of strokes) {
      const h = hue(stroke);
      if (h !== null) expect([stroke, h >= 75 && h <= 175]).toEqual([stroke, false]);
    }
  });

  test("dragging the brush under the time axis zooms: from and to land in the URL", async () => {
    const { page } = session;
    await open(page);
    const rows = await seriesRows();
    const days = [...new Set(rows.map((r) => r.date))].sort();
    const traveller = (await page.locator(".recharts-brush-traveller").first().boundingBox())!;
    await page.mouse.move(traveller.x + traveller.width / 2, traveller.y + traveller.height / 2);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++) await page.mouse.move(traveller.x + traveller.width / 2 + step * 50, traveller.y + traveller.height / 2);
    await page.mouse.up();
    await page.waitForURL(/[?&]from=/);
    const url = new URL(page.url());
    const from = url.searchParams.get("from")!;
    expect(from > days[0]).toBe(true);
    expect(url.searchParams.get("to")).toBe(days[days.length - 1]);
    // The page follows: the chart no longer reaches back to the first day.
    await page.waitForFunction((first) => !document.querySelector(".recharts-xAxis-tick-labels")?.textContent?.includes(first), `${Number(days[0].slice(8))} Jan`);
  });

  test("SVG and PNG downloads hold the chart; Copy link copies this view's address", async () => {
    const context = await session.browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl() });
    const page = await context.newPage();
    try {
      await open(page, "resolution=day");
      const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-svg").click()]);
      expect(svgDownload.suggestedFilename()).toBe("tension-index-chart_all-dates.svg");
      const svg = fs.readFileSync((await svgDownload.path())!, "utf8");
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).toContain("“sounds good”");
      expect(svg).toContain("Colombia ↔ United States");
      // Styles travel inline: the bands' CSS variables are resolved colours in the file.
      expect(svg).not.toContain("var(--");
      const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-png").click()]);
      expect(pngDownload.suggestedFilename()).toBe("tension-index-chart_all-dates.png");
      const png = fs.readFileSync((await pngDownload.path())!);
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      // Width in the IHDR chunk: the chart's width at twice the pixels.
      const width = png.readUInt32BE(16);
      const svgWidth = Number(svg.match(/^<svg[^>]* width="(\d+)"/)![1]);
      expect(width).toBe(svgWidth * 2);

      await page.getByTestId("copy-link").click();
      await page.getByTestId("chart-action-status").filter({ hasText: "Link copied" }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
      await page.screenshot({ path: screenshotPath("chart-1440.png") });
    } finally {
      await context.close();
    }
  });

  test("events passed to the chart are labelled vertical markers on every panel whose span holds them", async () => {
    const root = path.resolve(__dirname, "..", "..");
    const bundle = await build({
      entryPoints: [path.join(__dirname, "fixtures", "chart-events.tsx")],
      bundle: true,
      write: false,
      format: "iife",
      jsx: "automatic",
      tsconfig: path.join(root, "tsconfig.json"),
      alias: { "next/navigation": path.join(__dirname, "fixtures", "navigation-stub.ts") },
      define: { "process.env.NODE_ENV": '"production"' },
      logLevel: "silent",
    });
    const { page } = session;
    await page.setContent(`<!doctype html><style>.chart-plot{height:400px}</style><div id="root" style="width:900px"></div>`);
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    await page.waitForSelector(".chart-event");
    const perPanel = await page.getByTestId("chart-panel").evaluateAll((panels) =>
      panels.map((p) => [...p.querySelectorAll(".chart-event")].map((e) => ({ day: e.getAttribute("data-day"), text: e.textContent, href: e.querySelector("a")?.getAttribute("href") ?? null }))),
    );
    expect(perPanel).toEqual([
      [
        { day: "2026-03-02", text: "Border talks", href: "https://example.org/talks" },
        { day: "2026-03-02", text: "Ceasefire", href: null },
      ],
      [{ day: "2026-05-11", text: "Summit", href: null }],
    ]);
    // Two events of one day: their labels stack rather than cover each other.
    const [first, second] = await page.getByTestId("chart-panel").first().locator(".chart-event text").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Rect));
    expect(overlap(first, second)).toBe(false);
    // The marker stands at its day: where that day's points stand.
    const marker = await page.locator(".chart-event line").first().getAttribute("x1");
    const dots = await page.getByTestId("chart-panel").first().locator(".recharts-line-dots").first().locator("circle").evaluateAll((els) => els.map((el) => el.getAttribute("cx")));
    expect(Number(marker)).toBeCloseTo(Number(dots[1]), 0);
  });
});

describe("dashboard chart on a phone", () => {
  const session = browserSession({ width: 375, height: 800 });

  test("the chart comes right after a one-line filter summary, which opens the filters on demand", async () => {
    const { page } = session;
    await open(page);
    const summary = page.getByTestId("filter-summary");
    expect(await summary.innerText()).toBe("Colombia ↔ United States · day · all dates");
    const line = (await page.locator(".filter-panel > summary").boundingBox())!;
    expect(line.height).toBeLessThan(40);
    expect(await page.locator(".filters").isVisible()).toBe(false);
    const panel = (await page.getByTestId("chart-panel").first().boundingBox())!;
    expect(panel.y - (line.y + line.height)).toBeLessThan(48);
    expect(panel.y + panel.height).toBeLessThanOrEqual(800);
    expect(panel.x + panel.width).toBeLessThanOrEqual(375);
    await page.locator(".filter-panel > summary").click();
    expect(await page.locator(".filters").isVisible()).toBe(true);
  });

  test("the tooltip is small, shows the strongest quote first, stays in the viewport and off its point", async () => {
    const { page } = session;
    await open(page);
    const rows = await seriesRows();
    for (const dot of await page.getByTestId("chart-panel").first().locator(".recharts-line-dots circle").all()) {
      const point = (await dot.boundingBox())!;
      await dot.hover({ force: true });
      const tooltip = page.locator(".chart-tooltip");
      await tooltip.waitFor();
      // Placed once measured, in the frame after it renders.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const box = (await tooltip.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(800);
      expect(overlap(box, point)).toBe(false);
      const scores = (await tooltip.locator(".chart-tooltip-quotes .score-chip").allInnerTexts()).map((s) => Math.abs(Number(s.replace("−", "-"))));
      expect(scores.length).toBeGreaterThan(0);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(await tooltip.innerText()).toMatch(/n = \d+/);
    }
    expect(rows.length).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath("chart-375.png") });
  });
});
