// The admin API route by route: every state-changing route refuses without a session
// and refuses cross-site requests; with a session, weights save (409 when stale), preview,
// roll back and articles ingest as documented.
import type { NextRequest } from "next/server";
import { POST as ingestPost } from "../app/api/articles/route";
import { POST as removePost } from "../app/api/articles/remove/route";
import { POST as logoutPost } from "../app/api/logout/route";
import { GET as historyGet } from "../app/api/weights/history/route";
import { POST as previewPost } from "../app/api/weights/preview/route";
import { POST as rollbackPost } from "../app/api/weights/rollback/route";
import { GET as weightsGet, PUT as weightsPut } from "../app/api/weights/route";
import { GET as seriesGet } from "../app/api/series/route";
import { DELETE as feedsDelete, POST as feedsPost } from "../app/api/feeds/route";
import { disconnect } from "../lib/store/client";
import { analyzeBatch } from "../lib/ingest/batch";
import { defaultWeights } from "../lib/score";
import { ingestBatch } from "../lib/store/ingest";
import { storeCounts } from "../lib/store/statements";
import { backends, type Backend } from "./helpers/backends";
import { readDir } from "./helpers/analysis";
import { adminSession, ORIGIN, request } from "./helpers/routes";
import { fixturePage, startPageServer } from "./helpers/page-server";

type Handler = (req: NextRequest) => Promise<Response>;
const stateChanging: Array<[string, string, Handler, unknown]> = [
  ["PUT", "/api/weights", weightsPut, { weights: defaultWeights(), baseVersion: 1, note: "" }],
  ["POST", "/api/weights/preview", previewPost, { weights: defaultWeights() }],
  ["POST", "/api/weights/rollback", rollbackPost, { version: 1 }],
  ["POST", "/api/articles", ingestPost, { text: "Headline\n\nBody." }],
  ["POST", "/api/articles/remove", removePost, { article: 1 }],
  ["POST", "/api/feeds", feedsPost, { url: "https://news.example/feed.xml" }],
  ["DELETE", "/api/feeds", feedsDelete, { id: 1 }],
];

describe.each(backends)("admin API on %s", (_name, open) => {
  let backend: Backend;
  let cookie: string;
  let restore: () => void;

  beforeAll(async () => {
    backend = await open();
    await ingestBatch(backend.prisma, analyzeBatch(readDir("seeds")));
    ({ cookie, restore } = await adminSession(backend.url));
  });
  afterAll(async () => {
    restore();
    await disconnect();
    await backend.cleanup();
  });

  it.each(stateChanging)("%s %s refuses without a session (401) and cross-site (403), changing nothing", async (method, path, handler, body) => {
    const before = await storeCounts(backend.prisma);
    const versions = await backend.prisma.weightSet.count();
    expect((await handler(request(path, { method, body }))).status).toBe(401);
    expect((await handler(request(path, { method, body, cookie: "tension_session=forged" }))).status).toBe(401);
    expect((await handler(request(path, { method, body, cookie, origin: "https://evil.example" }))).status).toBe(403);
    expect(await storeCounts(backend.prisma)).toEqual(before);
    expect(await backend.prisma.weightSet.count()).toBe(versions);
  });

  it("GET /api/weights is public and read-only", async () => {
    const body = await (await weightsGet()).json();
    expect(body).toMatchObject({ version: 1, weights: defaultWeights(), note: "default weights" });
    expect(typeof body.createdAt).toBe("string");
  });

  it("PUT /api/weights validates, saves a version, and answers 409 to a stale base", async () => {
    const bad = await weightsPut(request("/api/weights", { method: "PUT", cookie, body: { weights: { ...defaultWeights(), lexicon: "loud" }, baseVersion: 1 } }));
    expect(bad.status).toBe(422);
    expect((await bad.json()).fields).toHaveProperty(["weights.lexicon"]);

    const weights = { ...defaultWeights(), lexicon: 5 };
    const ok = await weightsPut(request("/api/weights", { method: "PUT", cookie, body: { weights, baseVersion: 1, note: "louder lexicon" } }));
    expect(ok.status).toBe(200);
    const { version } = await ok.json();
    expect(version).toBe(2);

    const stale = await weightsPut(request("/api/weights", { method: "PUT", cookie, body: { weights: defaultWeights(), baseVersion: 1 } }));
    expect(stale.status).toBe(409);
    const conflict = await stale.json();
    expect(conflict).toMatchObject({ baseVersion: 1, currentVersion: 2, changes: [{ key: "lexicon", from: defaultWeights().lexicon, to: 5 }] });
    expect((await (await weightsGet()).json()).version).toBe(2);
  });

  it("POST /api/weights/preview returns /api/series rows for unsaved weights and saves nothing", async () => {
    const zero = defaultWeights();
    zero.lexicon = 0;
    for (const id of Object.keys(zero.rules)) zero.rules[id] = 0;
    const response = await previewPost(request("/api/weights/preview?from=2026-01-01", { method: "POST", cookie, body: { weights: zero } }));
    expect(response.status).toBe(200);
    const preview = await response.json();
    const series = await (await seriesGet(request("/api/series?from=2026-01-01"))).json();
    expect(preview.saved).toEqual(series.rows);
    expect(preview.rows.map((r: { date: string; series: string }) => [r.date, r.series])).toEqual(series.rows.map((r: { date: string; series: string }) => [r.date, r.series]));
    expect(preview.rows.every((r: { index: number }) => r.index === 0)).toBe(true);
    expect(preview.changedCount).toBeGreaterThan(0);
    expect(preview.changed[0].to.label).toBe("neutral");
    expect((await (await weightsGet()).json()).version).toBe(2);
  });

  it("POST /api/weights/rollback restores an old version as a new one; history lists the diffs", async () => {
    expect((await rollbackPost(request("/api/weights/rollback", { method: "POST", cookie, body: { version: 99 } }))).status).toBe(404);
    const response = await rollbackPost(request("/api/weights/rollback", { method: "POST", cookie, body: { version: 1 } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ version: 3, restored: 1 });
    const { versions } = await (await historyGet()).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(versions[0]).toMatchObject({ active: true, note: "rollback to version 1", changes: [{ key: "lexicon", from: 5, to: defaultWeights().lexicon }] });
  });

  it("POST /api/articles ingests pasted text and uploads by the CLI's rules", async () => {
    const text = [
      "---",
      "title: Ministers trade barbs",
      "date: 2026-03-02",
      "source: Test Wire",
      "---",
      "Ministers trade barbs",
      "",
      "OSLO — Norway's foreign minister Kari Lunde said on Monday that Sweden's new border rules were \"a hostile and reckless act\".",
    ].join("\n");
    const before = await storeCounts(backend.prisma);
    const ok = await ingestPost(request("/api/articles", { method: "POST", cookie, body: { text, name: "barbs.md" } }));
    expect(ok.status).toBe(200);
    const summary = await ok.json();
    expect(summary.articles.new).toBe(1);
    expect(summary.statements.new).toBeGreaterThan(0);
    expect((await storeCounts(backend.prisma)).articles).toBe(before.articles + 1);

    const again = await ingestPost(request("/api/articles", { method: "POST", cookie, body: { text } }));
    expect((await again.json()).articles.skipped).toBe(1);

    const empty = await ingestPost(request("/api/articles", { method: "POST", cookie, body: { text: "" } }));
    expect(empty.status).toBe(422);
    expect((await empty.json()).fields).toHaveProperty("text");

    const form = new FormData();
    form.append("files", new Blob([Buffer.from([0, 159, 146, 150, 0, 1, 2])]), "binary.txt");
    form.append("files", new Blob(["<html><body><p>Not an article</p></body></html>"]), "page.html");
    const rejected = await ingestPost(request("/api/articles", { method: "POST", cookie, raw: form }));
    expect(rejected.status).toBe(422);
    const body = await rejected.json();
    expect(body.rejected.map((r: { path: string }) => r.path)).toEqual(["upload/binary.txt", "upload/page.html"]);
    expect((await storeCounts(backend.prisma)).articles).toBe(before.articles + 1);
  });

  it("POST /api/articles ingests text pasted in the admin form, whose untouched file input still sends an empty part", async () => {
    // The body Chromium sends for /admin's form with a text pasted and no file chosen.
    const text = "Ministers make up\n\nOSLO, March 9, 2026 — Sweden's foreign minister Anna Berg said on Monday that Norway was \"a trusted friend and partner\".";
    const boundary = "----WebKitFormBoundaryX3kPzq8sJ0aTnE2b";
    const field = (name: string, value: string) => [`--${boundary}`, `Content-Disposition: form-data; name="${name}"`, "", value];
    const raw = [
      ...field("text", text),
      ...field("name", ""),
      `--${boundary}`,
      'Content-Disposition: form-data; name="files"; filename=""',
      "Content-Type: application/octet-stream",
      "",
      "",
      ...field("date", ""),
      `--${boundary}--`,
      "",
    ].join("\r\n");
    const before = await storeCounts(backend.prisma);
    const response = await ingestPost(request("/api/articles", { method: "POST", cookie, raw, type: `multipart/form-data; boundary=${boundary}` }));
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ articles: { new: 1 }, rejected: [] });
    expect(body.statements.new).toBeGreaterThan(0);
    const article = await backend.prisma.article.findFirst({ where: { path: { startsWith: "pasted/" } }, orderBy: { id: "desc" } });
    expect(article?.title).toBe("Ministers make up");
    expect((await storeCounts(backend.prisma)).articles).toBe(before.articles + 1);

    // A file chosen but empty is still refused, by name.
    const form = new FormData();
    form.append("files", new Blob([]), "empty.txt");
    const empty = await ingestPost(request("/api/articles", { method: "POST", cookie, raw: form }));
    expect(empty.status).toBe(422);
    expect((await empty.json()).rejected).toEqual([{ path: "upload/empty.txt", reason: "upload/empty.txt: empty file" }]);
  });

  it("POST /api/articles reads the form's publication day as the page writes it, and refuses a day that does not exist", async () => {
    const text = "Ministers talk\n\nSweden's foreign minister Anna Berg said that Norway was \"a trusted friend and partner\".";
    const form = new FormData();
    form.append("text", text);
    form.append("name", "day-as-written.txt");
    form.append("date", "9 Mar 2026");
    const response = await ingestPost(request("/api/articles", { method: "POST", cookie, raw: form }));
    expect(response.status).toBe(200);
    const stored = await backend.prisma.article.findFirstOrThrow({ where: { path: { endsWith: "day-as-written.txt" } } });
    expect(stored.published).toBe("2026-03-09");

    const before = await storeCounts(backend.prisma);
    const bad = new FormData();
    bad.append("text", text.replace("Ministers talk", "Ministers talk again"));
    bad.append("date", "31 Feb 2026");
    const refused = await ingestPost(request("/api/articles", { method: "POST", cookie, raw: bad }));
    expect(refused.status).toBe(422);
    expect((await refused.json()).fields).toHaveProperty("date");
    expect(await storeCounts(backend.prisma)).toEqual(before);
  });

  it("POST /api/articles fetches a page by its address (JSON url, or the form's url field) and stores its article; failures are 422 with why", async () => {
    const pages = await startPageServer({ "/bridge": { body: fixturePage("arc.html") }, "/crossing": { body: fixturePage("bbc.html") }, "/world/": { body: fixturePage("index.html") } });
    const allowed = process.env.ALLOW_PRIVATE_FETCH;
    try {
      process.env.ALLOW_PRIVATE_FETCH = "1";
      const before = await storeCounts(backend.prisma);
      const byJson = await ingestPost(request("/api/articles", { method: "POST", cookie, body: { url: `${pages.base}/bridge` } }));
      expect(byJson.status).toBe(200);
      expect(await byJson.json()).toMatchObject({ articles: { new: 1 }, rejected: [] });
      const stored = await backend.prisma.article.findFirstOrThrow({ where: { path: `${pages.base}/bridge` } });
      expect(stored).toMatchObject({ title: "Sweden’s foreign minister offers talks on the border bridge", source: "The Capital Ledger", published: "2026-01-07" });

      const form = new FormData();
      form.append("url", ` ${pages.base}/crossing\n${pages.base}/world/ `);
      const byForm = await ingestPost(request("/api/articles", { method: "POST", cookie, raw: form }));
      expect(byForm.status).toBe(200);
      const body = await byForm.json();
      expect(body.articles.new).toBe(1);
      expect(body.rejected).toEqual([{ path: `${pages.base}/world/`, reason: expect.stringMatching(/: no article on this page/) }]);
      expect((await storeCounts(backend.prisma)).articles).toBe(before.articles + 2);

      const missing = await ingestPost(request("/api/articles", { method: "POST", cookie, body: { url: `${pages.base}/gone` } }));
      expect(missing.status).toBe(422);
      expect((await missing.json()).error).toBe(`${pages.base}/gone: the server answered HTTP 404 Not Found`);
      const notAddress = await ingestPost(request("/api/articles", { method: "POST", cookie, body: { url: "file:///etc/passwd" } }));
      expect(notAddress.status).toBe(422);
      expect((await notAddress.json()).fields).toHaveProperty("url");

      delete process.env.ALLOW_PRIVATE_FETCH;
      const requested = pages.requests.length;
      const refused = await ingestPost(request("/api/articles", { method: "POST", cookie, body: { url: `${pages.base}/crossing` } }));
      expect(refused.status).toBe(422);
      expect((await refused.json()).error).toMatch(/127\.0\.0\.1 is a loopback address, which the server does not fetch from/);
      expect(pages.requests.length).toBe(requested);
      expect((await storeCounts(backend.prisma)).articles).toBe(before.articles + 2);
    } finally {
      if (allowed === undefined) delete process.env.ALLOW_PRIVATE_FETCH;
      else process.env.ALLOW_PRIVATE_FETCH = allowed;
      await pages.close();
    }
  });

  it("POST /api/articles/remove removes an article by id or path; an unknown one or a bad body changes nothing", async () => {
    const text = ["---", "title: Ministers make up", "date: 2026-03-09", "---", "Ministers make up", "", 'OSLO — Norway\'s foreign minister Kari Lunde said on Monday that talks with Sweden were "a welcome and constructive step".'].join("\n");
    expect((await ingestPost(request("/api/articles", { method: "POST", cookie, body: { text, name: "make-up.md" } }))).status).toBe(200);
    const before = await storeCounts(backend.prisma);
    const remove = (body: unknown) => removePost(request("/api/articles/remove", { method: "POST", cookie, body }));

    const unknown = await remove({ article: 99_999 });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "no stored article has the id 99999", fields: { article: "no stored article has the id 99999" } });
    expect((await remove({ article: "pasted/none.md" })).status).toBe(404);
    const bad = await remove({ article: "", extra: true });
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).fields).sort()).toEqual(["(body)", "article"]);
    expect((await remove({ article: -1 })).status).toBe(422);
    expect(await storeCounts(backend.prisma)).toEqual(before);

    const ok = await remove({ article: "pasted/make-up.md" });
    expect(ok.status).toBe(200);
    const removed = await ok.json();
    expect(removed).toMatchObject({ article: { path: "pasted/make-up.md", title: "Ministers make up" }, statements: { removed: 1, updated: 0 } });
    expect(await storeCounts(backend.prisma)).toEqual({ articles: before.articles - 1, statements: before.statements - 1, sources: before.sources - removed.sources });
    // By id: the article the earlier test pasted.
    const barbs = await backend.prisma.article.findFirstOrThrow({ where: { path: "pasted/barbs.md" } });
    const byId = await remove({ article: String(barbs.id) });
    expect(byId.status).toBe(200);
    expect((await byId.json()).article.id).toBe(barbs.id);
    expect(await backend.prisma.article.count({ where: { id: barbs.id } })).toBe(0);
  });

  it("POST /api/logout ends the session", async () => {
    const response = await logoutPost(request("/api/logout", { method: "POST", cookie, origin: ORIGIN }));
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/tension_session=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  });
});
