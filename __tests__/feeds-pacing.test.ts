// The watcher's pure parts: reading RSS and Atom items (lib/ingest/feeds/parse.ts) and pacing
// requests (lib/ingest/feeds/pacing.ts), on a fake clock.
import { backoffMs, HostGate, retrying, type Clock } from "../lib/ingest/feeds/pacing";
import { FeedParseError, itemUrl, parseFeed } from "../lib/ingest/feeds/parse";

/** A clock whose sleeps only move its time forward, recording each. */
function fakeClock(): Clock & { slept: number[] } {
  let now = 1_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

test("RSS items: links resolved, duplicates and link-less items left out, dates kept", async () => {
  const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title> Herald </title>
    <item><title>One</title><link>/news/1.html#top</link><pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate></item>
    <item><title>Again</title><link>https://news.example/news/1.html</link></item>
    <item><title>No link</title><description>text only</description></item>
    <item><title>Guid</title><guid isPermaLink="true">https://news.example/news/2.html</guid></item>
    <item><title>Mail</title><link>mailto:desk@news.example</link></item>
  </channel></rss>`;
  const feed = await parseFeed(xml, "https://news.example/feed.xml");
  expect(feed.title).toBe("Herald");
  expect(feed.items).toEqual([
    { url: "https://news.example/news/1.html", title: "One", published: "2026-03-03T09:00:00.000Z" },
    { url: "https://news.example/news/2.html", title: "Guid", published: null },
  ]);
});

test("Atom entries: the alternate link, relative to the feed", async () => {
  const xml = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Herald</title><id>x</id>
    <entry><title>A</title><link rel="alternate" href="a.html"/><id>1</id><updated>2026-03-04T10:00:00Z</updated></entry></feed>`;
  const feed = await parseFeed(xml, "https://news.example/feeds/atom.xml");
  expect(feed.items).toEqual([{ url: "https://news.example/feeds/a.html", title: "A", published: "2026-03-04T10:00:00.000Z" }]);
});

test("a document that is not a feed is refused with a reason", async () => {
  await expect(parseFeed("<html><body>hello</body></html>", "https://news.example/")).rejects.toThrow(FeedParseError);
  await expect(parseFeed("not xml at all <<<", "https://news.example/")).rejects.toThrow(FeedParseError);
});

test("item links must be http(s)", () => {
  expect(itemUrl("javascript:alert(1)", "https://news.example/")).toBeNull();
  expect(itemUrl("  ", "https://news.example/")).toBeNull();
  expect(itemUrl("//other.example/x", "https://news.example/")).toBe("https://other.example/x");
});

test("one host's requests are spaced by the gap, other hosts' are not held up", async () => {
  const clock = fakeClock();
  const gate = new HostGate(500, clock);
  const at: Array<[string, number]> = [];
  const go = async (url: string) => {
    await gate.wait(url);
    at.push([new URL(url).host, clock.now()]);
  };
  await go("https://a.example/1");
  await go("https://a.example/2");
  await go("https://b.example/1");
  await go("https://A.example/3");
  const start = at[0][1];
  expect(at.map(([host, t]) => [host, t - start])).toEqual([
    ["a.example", 0],
    ["a.example", 500],
    ["b.example", 500],
    ["a.example", 1000],
  ]);
});

test("a request whose timer fired late pushes the next one back: the gap runs from when it went", async () => {
  const clock = fakeClock();
  const late = { ...clock, sleep: async (ms: number) => clock.sleep(ms + 30) };
  const gate = new HostGate(500, late);
  const at: number[] = [];
  for (const n of [1, 2, 3]) {
    await gate.wait(`https://a.example/${n}`);
    at.push(clock.now());
  }
  expect([at[1] - at[0], at[2] - at[1]]).toEqual([530, 530]);
});

test("backoff doubles up to its cap", () => {
  const b = { baseMs: 100, maxMs: 1000 };
  expect([0, 1, 2, 3, 4, 5, 60].map((n) => backoffMs(n, b))).toEqual([0, 100, 200, 400, 800, 1000, 1000]);
});

test("retrying: waits between tries, stops at the limit or on a final error", async () => {
  const clock = fakeClock();
  let calls = 0;
  const flaky = () => {
    calls++;
    return calls < 3 ? Promise.reject(new Error("reset")) : Promise.resolve("ok");
  };
  await expect(retrying(flaky, { attempts: 5, backoff: { baseMs: 10, maxMs: 100 }, retryable: () => true, clock })).resolves.toBe("ok");
  expect(clock.slept).toEqual([10, 20]);

  calls = 0;
  const always = () => {
    calls++;
    return Promise.reject(new Error("down"));
  };
  await expect(retrying(always, { attempts: 3, backoff: { baseMs: 10, maxMs: 100 }, retryable: () => true, clock })).rejects.toThrow("down");
  expect(calls).toBe(3);

  calls = 0;
  await expect(retrying(always, { attempts: 3, backoff: { baseMs: 10, maxMs: 100 }, retryable: () => false, clock })).rejects.toThrow("down");
  expect(calls).toBe(1);
});
