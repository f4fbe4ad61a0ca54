// The feed watcher (lib/store/watch.ts, wired as `npm run watch` wires it) against a local site
// on 127.0.0.1: RSS and Atom feeds that change between polls, conditional GETs answered 304,
// redirects, a page that times out, a failing host backed off, per-host gaps, and items seen
// twice stored once.
import { HostGate } from "../lib/ingest/feeds/pacing";
import { addFeed, listFeeds } from "../lib/store/feeds";
import { pollAll, type WatchOptions } from "../lib/store/watch";
import { listStatements } from "../lib/store/statements";
import { pageFetcher, pageToArticle } from "../scripts/watch-sources";
import { backends, type Backend } from "./helpers/backends";
import { articlePage, FeedSite, report } from "./helpers/feed-server";

jest.setTimeout(60_000);

const GAP_MS = 60;

describe.each(backends)("the feed watcher on %s", (_name, open) => {
  let site: FeedSite;
  let store: Backend;
  let savedAllow: string | undefined;

  function options(overrides: Partial<WatchOptions> = {}): WatchOptions {
    return {
      fetch: pageFetcher({ timeoutMs: 400 }),
      toArticle: pageToArticle,
      gate: new HostGate(GAP_MS),
      retry: { attempts: 3, backoff: { baseMs: 30, maxMs: 200 } },
      feedBackoff: { baseMs: 60_000, maxMs: 600_000 },
      ...overrides,
    };
  }

  async function articleCount(): Promise<number> {
    return store.prisma.article.count();
  }

  beforeEach(async () => {
    savedAllow = process.env.ALLOW_PRIVATE_FETCH;
    process.env.ALLOW_PRIVATE_FETCH = "1";
    site = new FeedSite();
    await site.start();
    store = await open();
  });

  afterEach(async () => {
    await site.stop();
    await store.cleanup();
    if (savedAllow === undefined) delete process.env.ALLOW_PRIVATE_FETCH;
    else process.env.ALLOW_PRIVATE_FETCH = savedAllow;
  });

  test("an RSS feed's new items are stored; an unchanged feed is answered 304 and fetches nothing", async () => {
    site.pages.set("/a1.html", articlePage(report(1, "Ola Berg", "We will never accept threats from Sweden")));
    site.pages.set("/a2.html", articlePage(report(2, "Ola Berg", "Sweden is our closest friend and partner")));
    site.rssItems = [
      { path: "/a1.html", title: "One" },
      { path: "/a2.html", title: "Two" },
    ];
    await addFeed(store.prisma, site.url("/rss.xml"));

    const [first] = await pollAll(store.prisma, options());
    expect(first.status).toBe("fetched");
    expect(first.items.map((i) => i.outcome)).toEqual(["ingested", "ingested"]);
    expect(await articleCount()).toBe(2);
    const quotes = (await listStatements(store.prisma, { limit: 100 })).map((s) => s.text);
    expect(quotes.some((q) => q.includes("never accept threats from Sweden"))).toBe(true);

    const [second] = await pollAll(store.prisma, options());
    expect(second.status).toBe("not-modified");
    expect(site.hits("/rss.xml").at(-1)!.headers["if-none-match"]).toBe('"rss-1"');
    expect(site.hits("/a1.html")).toHaveLength(1);

    // A new item appears: the feed changes, and only the new page is fetched.
    site.pages.set("/a3.html", articlePage(report(3, "Ola Berg", "Sweden has broken its word and must pay for it")));
    site.rssItems.push({ path: "/a3.html", title: "Three" });
    site.rssVersion = 2;
    const [third] = await pollAll(store.prisma, options());
    expect(third.items.map((i) => [i.url, i.outcome])).toEqual([[site.url("/a3.html"), "ingested"]]);
    expect(site.hits("/a1.html")).toHaveLength(1);
    expect(await articleCount()).toBe(3);
    const [feed] = await listFeeds(store.prisma);
    expect(feed).toMatchObject({ title: "Local Herald", itemsIngested: 3, lastError: null, etag: '"rss-2"' });
  });

  test("an Atom feed with relative links is polled with If-Modified-Since", async () => {
    site.pages.set("/b1.html", articlePage(report(11, "Karin Lund", "Norway can count on us in this crisis")));
    site.atomItems = [{ path: "/b1.html", title: "B1" }];
    await addFeed(store.prisma, site.url("/atom.xml"));

    expect((await pollAll(store.prisma, options()))[0].items.map((i) => i.outcome)).toEqual(["ingested"]);
    expect((await pollAll(store.prisma, options()))[0].status).toBe("not-modified");
    expect(site.hits("/atom.xml").at(-1)!.headers["if-modified-since"]).toBe(site.atomModified.toUTCString());

    site.pages.set("/b2.html", articlePage(report(12, "Karin Lund", "Norway has betrayed the agreement")));
    site.atomItems.unshift({ path: "/b2.html", title: "B2" });
    site.atomModified = new Date("2026-03-02T10:00:00Z");
    const [changed] = await pollAll(store.prisma, options());
    expect(changed.items.map((i) => [i.url, i.outcome])).toEqual([[site.url("/b2.html"), "ingested"]]);
    expect(await articleCount()).toBe(2);
  });

  test("an item seen twice, by link or by content, is stored once", async () => {
    const page = articlePage(report(21, "Ola Berg", "We welcome the offer from Sweden"));
    site.pages.set("/c1.html", page);
    site.pages.set("/c1-copy.html", page); // the same article at another address
    site.rssItems = [
      { path: "/c1.html", title: "C1" },
      { path: "/c1-copy.html", title: "C1 again" },
    ];
    site.atomItems = [{ path: "/c1.html", title: "C1 in Atom" }]; // the same link in another feed
    await addFeed(store.prisma, site.url("/rss.xml"));
    await addFeed(store.prisma, site.url("/atom.xml"));

    const summaries = await pollAll(store.prisma, options());
    expect(summaries.map((s) => s.items.map((i) => i.outcome))).toEqual([["ingested", "duplicate"], []]);
    expect(site.hits("/c1.html")).toHaveLength(1);
    expect(await articleCount()).toBe(1);
    const statements = await listStatements(store.prisma, { limit: 100 });
    expect(statements.filter((s) => s.text.includes("welcome the offer"))).toHaveLength(1);
  });

  test("a redirected item is stored under its final address; a page that times out is tried again next poll", async () => {
    site.pages.set("/d1.html", articlePage(report(31, "Ola Berg", "Sweden should withdraw its troops at once")));
    site.redirects.set("/go/d1", "/d1.html");
    site.rssItems = [
      { path: "/go/d1", title: "D1" },
      { path: "/slow.html", title: "Slow" },
    ];
    await addFeed(store.prisma, site.url("/rss.xml"));

    const [summary] = await pollAll(store.prisma, options({ retry: { attempts: 1, backoff: { baseMs: 10, maxMs: 10 } } }));
    expect(summary.items.map((i) => i.outcome)).toEqual(["ingested", "failed"]);
    expect(summary.items[1].reason).toMatch(/no complete answer within/);
    const stored = await store.prisma.article.findMany();
    expect(stored.map((a) => a.url)).toEqual([site.url("/d1.html")]);

    // Not recorded as handled: the next poll (the feed changed) tries it again.
    site.rssVersion = 2;
    await pollAll(store.prisma, options({ retry: { attempts: 1, backoff: { baseMs: 10, maxMs: 10 } } }));
    expect(site.hits("/slow.html")).toHaveLength(2);
    expect(site.hits("/d1.html")).toHaveLength(1);
  });

  test("a failing host is retried with growing waits, then the feed backs off between polls", async () => {
    await addFeed(store.prisma, site.url("/broken.xml"));
    const [failed] = await pollAll(store.prisma, options({ gate: new HostGate(0), retry: { attempts: 3, backoff: { baseMs: 80, maxMs: 1000 } } }));
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/500/);
    const times = site.hits("/broken.xml").map((r) => r.at);
    expect(times).toHaveLength(3);
    const waits = [times[1] - times[0], times[2] - times[1]];
    expect(waits[0]).toBeGreaterThanOrEqual(75);
    expect(waits[1]).toBeGreaterThanOrEqual(155);
    const [feed] = await listFeeds(store.prisma);
    expect(feed).toMatchObject({ failures: 1 });
    expect(feed.lastError).toMatch(/500/);

    // Within the feed's backoff, a poll leaves it alone; --once (force) polls it anyway.
    expect((await pollAll(store.prisma, options()))[0].status).toBe("waiting");
    expect(site.hits("/broken.xml")).toHaveLength(3);
    await pollAll(store.prisma, { ...options({ retry: { attempts: 1, backoff: { baseMs: 10, maxMs: 10 } } }), force: true });
    expect(site.hits("/broken.xml")).toHaveLength(4);
    expect((await listFeeds(store.prisma))[0].failures).toBe(2);
  });

  test("requests to one host keep the minimum gap", async () => {
    for (let n = 1; n <= 4; n++) site.pages.set(`/e${n}.html`, articlePage(report(40 + n, "Ola Berg", `Sweden must answer for incident number ${n}`)));
    site.rssItems = [1, 2, 3, 4].map((n) => ({ path: `/e${n}.html`, title: `E${n}` }));
    await addFeed(store.prisma, site.url("/rss.xml"));
    // The gate spaces the moments requests are sent; the server's arrival times add connection
    // set-up, which a loaded machine stretches for one request and not the next, so the test
    // records when each request was handed to the fetcher.
    const sentAt: number[] = [];
    const fetchPage = pageFetcher({ timeoutMs: 400 });
    await pollAll(store.prisma, options({ fetch: (url, request) => (sentAt.push(Date.now()), fetchPage(url, request)) }));
    expect(site.requests).toHaveLength(5);
    expect(sentAt).toHaveLength(5);
    // A timer may fire up to a millisecond before Date.now() says its delay has passed.
    for (let i = 1; i < sentAt.length; i++) expect(sentAt[i] - sentAt[i - 1]).toBeGreaterThanOrEqual(GAP_MS - 1);
  });

  test("a page without an article is recorded as rejected and not fetched again", async () => {
    site.pages.set("/index.html", "<!doctype html><html><body><ul><li><a href='/x'>x</a></li></ul></body></html>");
    site.rssItems = [{ path: "/index.html", title: "Index" }, { path: "/missing.html", title: "Gone" }];
    await addFeed(store.prisma, site.url("/rss.xml"));
    const [summary] = await pollAll(store.prisma, options());
    expect(summary.items.map((i) => i.outcome)).toEqual(["rejected", "rejected"]);
    expect(summary.items[1].reason).toMatch(/404/);
    site.rssVersion = 2;
    await pollAll(store.prisma, options());
    expect(site.hits("/index.html")).toHaveLength(1);
    expect(site.hits("/missing.html")).toHaveLength(1);
    expect(await articleCount()).toBe(0);
  });
});
