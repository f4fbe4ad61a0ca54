// `npm run ingest` given saved web pages and addresses: a page is stored as its article with the
// page's headline, day, outlet and address; a page without an article, an address that fails and
// an address on this machine without ALLOW_PRIVATE_FETCH are rejected with why, the rest stored.
import path from "node:path";
import { migratedStore, sqliteBackend, type Backend } from "./helpers/backends";
import { fixturePage, startPageServer, type PageServer } from "./helpers/page-server";
import { runScript } from "./helpers/scripts";

let store: Backend;
let pages: PageServer;

beforeAll(async () => {
  // A store with the migrations' bookkeeping, which the command checks.
  store = await migratedStore(sqliteBackend);
  pages = await startPageServer({
    "/2026/01/05/norway-warns-sweden-fishing/": { body: fixturePage("wordpress.html") },
    "/old-address": { body: "", status: 301, headers: { location: "/news/world-nordic-6712345" } },
    "/news/world-nordic-6712345": { body: fixturePage("bbc.html") },
    "/world/": { body: fixturePage("index.html") },
  });
});
afterAll(async () => {
  await pages?.close();
  await store?.cleanup();
});

const ingest = (args: string[], env: Record<string, string>) => runScript("ingest.ts", args, { DATABASE_URL: store.url, ...env });

test("a saved page and two addresses are stored as articles; an index page and a missing page are rejected", async () => {
  const saved = path.join("__tests__", "pages", "guardian.html");
  const run = await ingest([saved, `${pages.base}/2026/01/05/norway-warns-sweden-fishing/`, `${pages.base}/old-address`, `${pages.base}/world/`, `${pages.base}/gone`], { ALLOW_PRIVATE_FETCH: "1" });
  expect({ stdout: run.stdout, stderr: run.stderr }).toEqual({ stdout: expect.stringMatching(/^ingested: 3 new articles, 0 already stored, 2 rejected; \d+ new statements?, 0 merged into stored ones\n$/), stderr: expect.any(String) });
  expect(run.stderr).toContain(`rejected ${pages.base}/world/: no article on this page`);
  expect(run.stderr).toContain(`rejected ${pages.base}/gone: the server answered HTTP 404 Not Found`);
  // Off a terminal, progress is plain lines on stderr: the four inputs read (files and pages).
  expect(run.stderr).toMatch(/^4\/4 articles \(100 %\), \d+ statements, [\d.]+ articles\/s$/m);
  expect(run.code).toBe(1);
  const articles = await store.prisma.article.findMany({ orderBy: { published: "asc" }, select: { path: true, title: true, source: true, url: true, published: true, publishedFrom: true } });
  expect(articles).toEqual([
    {
      path: `${pages.base}/2026/01/05/norway-warns-sweden-fishing/`,
      title: "Norway warns Sweden over fishing boats",
      source: "Fjord Post",
      url: "https://fjordpost.example/2026/01/05/norway-warns-sweden-fishing/",
      published: "2026-01-05",
      publishedFrom: "front-matter",
    },
    {
      // Followed to its new address, which also resolves the page's relative canonical link.
      path: `${pages.base}/news/world-nordic-6712345`,
      title: "Norway and Sweden agree to reopen border crossing",
      source: "Northern Broadcasting News",
      url: `${pages.base}/news/world-nordic-6712345`,
      published: "2026-01-09",
      publishedFrom: "front-matter",
    },
    {
      path: saved,
      title: "Sweden accuses Norway of stalling on fishing talks",
      source: "the Evening Ledger",
      url: "https://www.eveningledger.example/world/2026/jan/12/sweden-accuses-norway-stalling-fishing-talks",
      published: "2026-01-12",
      publishedFrom: "front-matter",
    },
  ]);
  const spoken = await store.prisma.statement.findMany({ select: { text: true } });
  expect(spoken.map((s) => s.text).join("\n")).toContain("Sweden must stop these provocations at once");
});

test("without ALLOW_PRIVATE_FETCH an address on this machine is refused and never requested", async () => {
  const before = pages.requests.length;
  const count = await store.prisma.article.count();
  const run = await ingest([`${pages.base}/world/`], { ALLOW_PRIVATE_FETCH: "" });
  expect(run.stderr).toContain(`rejected ${pages.base}/world/: 127.0.0.1 is a loopback address, which the server does not fetch from (set ALLOW_PRIVATE_FETCH to allow)`);
  expect(run.code).toBe(1);
  expect(pages.requests.length).toBe(before);
  expect(await store.prisma.article.count()).toBe(count);
});
