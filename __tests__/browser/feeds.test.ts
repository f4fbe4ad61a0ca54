// Feeds from the browser: the admin adds a feed on /admin, a poll (as `npm run watch` runs it)
// stores its new item, the dashboard shows the new statement and /admin the feed's last poll and
// items ingested; the admin removes the feed. The feed is a local site on 127.0.0.1.
import type { Browser, Page } from "playwright-core";
import { createPrisma, type Db } from "../../lib/store/client";
import { removeArticle } from "../../lib/store/remove";
import { HostGate } from "../../lib/ingest/feeds/pacing";
import { pollAll } from "../../lib/store/watch";
import { pageFetcher, pageToArticle } from "../../scripts/watch-sources";
import { articlePage, FeedSite, report } from "../helpers/feed-server";
import { adminPassword, baseUrl, launchBrowser, screenshotPath } from "./harness";

const QUOTE = "Sweden must stop the fishing raids near our coast at once";

describe("feeds", () => {
  let browser: Browser;
  let page: Page;
  let store: Db;
  let site: FeedSite;
  let savedAllow: string | undefined;

  beforeAll(async () => {
    savedAllow = process.env.ALLOW_PRIVATE_FETCH;
    process.env.ALLOW_PRIVATE_FETCH = "1";
    browser = await launchBrowser();
    store = createPrisma(process.env.E2E_DATABASE_URL);
    site = new FeedSite();
    await site.start();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  });
  afterAll(async () => {
    // Leaves the shared store as the other browser tests expect it.
    for (const article of await store.article.findMany({ where: { url: { startsWith: site.origin } } })) await removeArticle(store, { id: article.id });
    await store.feed.deleteMany({ where: { url: { startsWith: site.origin } } });
    await page?.close();
    await site?.stop();
    await store?.$disconnect();
    await browser?.close();
    if (savedAllow === undefined) delete process.env.ALLOW_PRIVATE_FETCH;
    else process.env.ALLOW_PRIVATE_FETCH = savedAllow;
  });

  test("a feed added on /admin is polled; the dashboard shows its statement and /admin its poll", async () => {
    site.pages.set("/raids.html", articlePage(report(1, "Ola Berg", QUOTE, "2026-03-03")));
    site.rssItems = [{ path: "/raids.html", title: "Raids" }];
    const feedUrl = site.url("/rss.xml");

    await page.goto(`${baseUrl()}/admin`);
    await page.getByLabel("Password").fill(adminPassword());
    await page.getByRole("button", { name: /log in/i }).click();
    await page.getByRole("heading", { name: "Feeds" }).waitFor();
    await page.getByLabel("Add a feed (RSS or Atom)").fill(feedUrl);
    await page.getByRole("button", { name: "Add", exact: true }).click();
    const row = page.locator("[data-testid=feeds] tbody tr", { hasText: feedUrl });
    await row.getByText("not yet").waitFor();

    await page.goto(`${baseUrl()}/?q=${encodeURIComponent("fishing raids")}`);
    expect(await page.getByTestId("statements-table").getByText(QUOTE).count()).toBe(0);

    const [summary] = await pollAll(store, { fetch: pageFetcher({ timeoutMs: 5000 }), toArticle: pageToArticle, gate: new HostGate(0) });
    expect(summary.items.map((i) => i.outcome)).toEqual(["ingested"]);

    await page.goto(`${baseUrl()}/?q=${encodeURIComponent("fishing raids")}`);
    await page.getByTestId("statements-table").getByText(QUOTE).first().waitFor();

    await page.goto(`${baseUrl()}/admin`);
    await row.waitFor();
    expect(await row.locator("td").nth(2).textContent()).toBe("1");
    expect(await row.textContent()).toMatch(/Local Herald.*UTC/);
    await page.screenshot({ path: screenshotPath("admin-feeds-1440.png"), fullPage: true });

    await row.getByRole("button", { name: `Remove feed ${feedUrl}` }).click();
    await row.waitFor({ state: "detached" });
    expect(await store.feed.count({ where: { url: feedUrl } })).toBe(0);
  });
});
