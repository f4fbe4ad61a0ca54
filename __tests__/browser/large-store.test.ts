// A store that holds what a hostile upload once left behind: one statement with 631 reports of
// 25 KB each (16 MB of text) and a page of statements of 100 KB each, served by a production
// server of its own. The dashboard's first HTML stays under 1 MB, and opening a row loads its
// context and sources from /api/statements/<id>/sources.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { analyzeBatch, type BatchResult } from "../../lib/ingest/batch";
import type { ParsedArticle, Statement } from "../../lib/core/types";
import { createTempDb, type TempDb } from "../../lib/store/client";
import { ingestBatch } from "../../lib/store/ingest";
import { readDir } from "../helpers/analysis";
import { killGroup, serverEnv, startServer } from "./global-setup";
import { launchBrowser } from "./harness";

const MB = 1024 * 1024;
const REPORTS = 631;
const LONG_STATEMENTS = 60;

/** `chars` characters of words that vary (so that nothing compresses them away), starting with `tag`. */
function words(tag: string, chars: number): string {
  const vocabulary = ["border", "minister", "talks", "sanctions", "envoy", "treaty", "warned", "troops", "summit", "quota"];
  let text = tag;
  for (let i = 0; text.length < chars; i++) text += ` ${vocabulary[(i * 7 + tag.length) % vocabulary.length]}${i % 97}`;
  return text;
}

const id = (n: number) => n.toString(16).padStart(16, "0");

/** What the hostile upload left: a run-on article, one statement with REPORTS long reports, LONG_STATEMENTS long statements. */
function hostileBatch(): BatchResult {
  const article: ParsedArticle = {
    path: "upload/run-on.txt",
    contentHash: "e".repeat(64),
    title: "A paragraph without sentence punctuation",
    source: null,
    url: null,
    published: "2026-03-02",
    publishedFrom: "front-matter",
    paragraphs: [words("paragraph", 2000)],
  };
  const source = (quote: string) => ({ path: article.path, articleHash: article.contentHash, quote, context: quote, dateRange: null, published: article.published, direct: true });
  const statement = (n: number, speaker: string, text: string, sources: Statement["sources"]): Statement => ({
    id: id(n),
    text,
    speaker,
    speakerCountry: null,
    target: null,
    date: "2026-03-02",
    dateRange: { from: "2026-03-02", to: "2026-03-02" },
    context: words(`context-${n}`, 100_000),
    sources,
    features: { lexicon: -0.4, hits: [] },
  });
  const hub = statement(1, "Junk Speaker", words("hub", 50_000), Array.from({ length: REPORTS }, (_, i) => source(words(`report-${i}`, 25_000))));
  const long = Array.from({ length: LONG_STATEMENTS }, (_, i) => statement(i + 2, `Long Speaker ${i}`, words(`long-${i}`, 100_000), [source(words(`long-source-${i}`, 5_000))]));
  return { articles: [article], rejected: [], statements: [hub, ...long] };
}

describe("a store holding a statement with hundreds of long reports", () => {
  let store: TempDb;
  let server: { pid: number; baseUrl: string };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    store = createTempDb("tension-large");
    await ingestBatch(store.prisma, analyzeBatch(readDir("seeds")));
    await ingestBatch(store.prisma, hostileBatch());
    // One process: this server only answers this file's few requests.
    server = await startServer({ ...serverEnv(`file:${store.file}`), WEB_CONCURRENCY: "1" }, path.join(path.dirname(store.file), "server.log"));
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    if (server) await killGroup(server.pid);
    await store?.cleanup();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  });
  afterEach(async () => {
    await page.close();
  });

  test("holds 16 MB of reports in one statement", async () => {
    const [{ bytes }] = await store.prisma.$queryRawUnsafe<Array<{ bytes: number }>>(`SELECT SUM(LENGTH("quote")) AS "bytes" FROM "StatementSource" WHERE "statementId" = ?`, id(1));
    expect(Number(bytes)).toBeGreaterThan(15 * MB);
    expect(await store.prisma.statementSource.count({ where: { statementId: id(1) } })).toBe(REPORTS);
  });

  test.each([
    ["/", 50],
    ["/?sort=sources", 50],
    ["/?limit=1000", 1000],
    ["/?q=Junk%20Speaker", 1],
  ])("the first HTML of %s stays under 1 MB with up to %i statement rows", async (query, limit) => {
    const response = await fetch(`${server.baseUrl}${query}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(Buffer.byteLength(html)).toBeLessThan(MB);
    // The rows are there, the reports are not. (No matcher that would print a megabyte of HTML.)
    expect(html.match(/class="statement-row/g)?.length).toBe(Math.min(limit, await store.prisma.statement.count()));
    expect(html.includes("report-0 ")).toBe(false);
  });

  test("opening the row loads every report; a long statement's whole text comes with it", async () => {
    await page.goto(`${server.baseUrl}/?sort=sources`);
    const row = page.locator(`[data-statement-id="${id(1)}"]`);
    expect(await row.locator("td.sources-cell").innerText()).toMatch(new RegExp(`^${REPORTS}\\b`));
    const quote = await row.locator(".row-toggle q").innerText();
    expect(quote.length).toBeLessThan(500);
    expect(quote.endsWith("…")).toBe(true);

    const [loaded] = await Promise.all([page.waitForResponse((r) => r.url().endsWith(`/api/statements/${id(1)}/sources`)), row.locator(".row-toggle").click()]);
    expect(loaded.status()).toBe(200);
    const details = page.locator(`#details-${id(1)}`);
    await details.locator(".sources > li").nth(REPORTS - 1).waitFor();
    expect(await details.locator(".sources > li").count()).toBe(REPORTS);
    expect(await details.locator(".sources blockquote").first().innerText()).toMatch(/^“report-0 /);
    expect(await details.locator(".context").innerText()).toMatch(/^context-1 /);
    expect(await details.getByTestId("whole-text").innerText()).toContain(words("hub", 50_000).slice(-200));
    const total = await details.getByTestId("explanation-total").innerText();
    const chip = await row.locator(".score-chip").innerText();
    expect(Number(total.replace("−", "-"))).toBeCloseTo(Number(chip.replace("−", "-")), 1);
  });
});
