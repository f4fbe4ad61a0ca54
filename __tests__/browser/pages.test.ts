// Web pages from the admin page: a saved page uploaded as a file and a page given by its address
// are stored as their articles; an address whose page has no article, and one the server may not
// fetch, are refused with why. The pages come from a server of the test's own on 127.0.0.1, which
// the app's server reaches because ALLOW_PRIVATE_FETCH is set for it (and only for it).
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { createTempDb, type TempDb } from "../../lib/store/client";
import { storeCounts } from "../../lib/store/statements";
import { fixturePage, startPageServer, type PageServer } from "../helpers/page-server";
import { killGroup, serverEnv, startServer } from "./global-setup";
import { launchBrowser, loggedInAdminPage } from "./harness";

describe("web pages on the admin page", () => {
  let store: TempDb;
  let pages: PageServer;
  let server: { pid: number; baseUrl: string };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    store = createTempDb("tension-pages-e2e");
    pages = await startPageServer({ "/bridge": { body: fixturePage("arc.html") }, "/world/": { body: fixturePage("index.html") } });
    const env: NodeJS.ProcessEnv = { ...serverEnv(`file:${store.file}`), WEB_CONCURRENCY: "1", ALLOW_PRIVATE_FETCH: "1" };
    server = await startServer(env, path.join(path.dirname(store.file), "server.log"));
    browser = await launchBrowser();
    page = await loggedInAdminPage(browser, server.baseUrl, env.ADMIN_PASSWORD!);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    if (server) await killGroup(server.pid);
    await pages?.close();
    await store?.cleanup();
  });

  test("a saved page uploaded as a file is stored as its article", async () => {
    await page.locator('input[name="files"]').setInputFiles({ name: "fishing.html", mimeType: "text/html", buffer: fixturePage("wordpress.html") });
    await page.getByRole("button", { name: "Ingest" }).click();
    await page.getByTestId("ingest-result").getByText(/^1 new article, 0 already stored; \d+ new statements?/).waitFor({ timeout: 60_000 });
    const article = await store.prisma.article.findFirstOrThrow({ where: { path: "upload/fishing.html" } });
    expect(article).toMatchObject({ title: "Norway warns Sweden over fishing boats", source: "Fjord Post", published: "2026-01-05" });
  });

  test("Add by URL: a page is fetched and stored; an index page is refused with why", async () => {
    await page.getByLabel("Add by URL").fill(`${pages.base}/bridge`);
    await page.getByRole("button", { name: "Ingest" }).click();
    await page.getByTestId("ingest-result").getByText(/^1 new article, 0 already stored/).waitFor({ timeout: 60_000 });
    expect(await store.prisma.article.findFirstOrThrow({ where: { path: `${pages.base}/bridge` } })).toMatchObject({ source: "The Capital Ledger", published: "2026-01-07" });
    expect(await page.getByLabel("Add by URL").inputValue()).toBe("");

    const before = await storeCounts(store.prisma);
    await page.getByLabel("Add by URL").fill(`${pages.base}/world/`);
    await page.getByRole("button", { name: "Ingest" }).click();
    await page.getByTestId("ingest-error").getByText(`${pages.base}/world/: no article on this page`, { exact: false }).waitFor({ timeout: 60_000 });
    expect(await storeCounts(store.prisma)).toEqual(before);
  });
});
