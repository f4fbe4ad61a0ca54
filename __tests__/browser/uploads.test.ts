// The admin's upload form against a production server of its own whose uploads may take 2 s of
// analysis: an article that needs longer is stopped and the form says so; an upload the admin
// cancels stops the server's analysis too (its log says so). Nothing is stored either way.
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { analyzeBatch } from "../../lib/ingest/batch";
import { createTempDb, type TempDb } from "../../lib/store/client";
import { ingestBatch } from "../../lib/store/ingest";
import { storeCounts } from "../../lib/store/statements";
import { readDir, seedProse } from "../helpers/analysis";
import { killGroup, serverEnv, startServer } from "./global-setup";
import { launchBrowser, loggedInAdminPage } from "./harness";

const TIME_LIMIT_MS = 2000;

/** About 4.5 MB of news prose: about 4 s of analysis on this machine, twice the limit. */
const longArticle = () => Buffer.from(seedProse(4_500_000));

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return check();
}

describe("uploads from the admin page", () => {
  let store: TempDb;
  let server: { pid: number; baseUrl: string };
  let logFile: string;
  let password: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    store = createTempDb("tension-uploads");
    await ingestBatch(store.prisma, analyzeBatch(readDir("seeds")));
    const env: NodeJS.ProcessEnv = { ...serverEnv(`file:${store.file}`), WEB_CONCURRENCY: "1", UPLOAD_TIME_LIMIT_MS: String(TIME_LIMIT_MS) };
    password = env.ADMIN_PASSWORD!;
    logFile = path.join(path.dirname(store.file), "server.log");
    server = await startServer(env, logFile);
    browser = await launchBrowser();
    page = await loggedInAdminPage(browser, server.baseUrl, password);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    if (server) await killGroup(server.pid);
    await store?.cleanup();
  });

  test("the form names the limits, and an upload past the time limit is refused with why; nothing stored", async () => {
    expect(await page.locator(".ingest").innerText()).toContain("Analysis stops after 2 s or 512 MB of memory");
    const before = await storeCounts(store.prisma);
    await page.locator('input[name="files"]').setInputFiles({ name: "long-read.md", mimeType: "text/markdown", buffer: longArticle() });
    await page.getByRole("button", { name: "Ingest" }).click();
    await page
      .getByTestId("ingest-error")
      .getByText("analysis took longer than its 2 s limit and was stopped; nothing was stored (split the text, or raise UPLOAD_TIME_LIMIT_MS)")
      .waitFor({ timeout: 30_000 });
    expect(await storeCounts(store.prisma)).toEqual(before);
  });

  test("cancelling an upload stops the server's analysis; nothing stored", async () => {
    const before = await storeCounts(store.prisma);
    const logged = () => fs.readFileSync(logFile, "utf8").includes("POST /api/articles: the client cancelled the upload; nothing was stored");
    expect(logged()).toBe(false);
    await page.locator('input[name="files"]').setInputFiles({ name: "long-read.md", mimeType: "text/markdown", buffer: longArticle() });
    await page.getByRole("button", { name: "Ingest" }).click();
    await page.waitForTimeout(1000);
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByTestId("ingest-error").getByText("Cancelled: the server stopped analyzing, and nothing was stored.").waitFor();
    expect(await until(logged, 10_000)).toBe(true);
    expect(await storeCounts(store.prisma)).toEqual(before);
  });
});
