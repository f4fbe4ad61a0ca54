// `npm start` polls the stored feeds beside the server: a feed added earlier is polled soon after
// the server starts, and its new item is stored. Uses the build global-setup.ts made (--no-build).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrisma, type Db } from "../../lib/store/client";
import { articlePage, FeedSite, report } from "../helpers/feed-server";
import { runScript } from "../helpers/scripts";
import { DIST_DIR, freePort } from "./global-setup";
import { baseUrl } from "./harness";

const ROOT = path.resolve(__dirname, "..", "..");

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

describe("npm start with a stored feed", () => {
  let site: FeedSite;
  let tmp: string;
  let url: string;
  let store: Db;
  let start: ChildProcess | null = null;
  let output = "";

  beforeAll(async () => {
    baseUrl(); // fails clearly when the build could not be made
    site = new FeedSite();
    await site.start();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "start-watch-"));
    url = `file:${path.join(tmp, "store.db")}`;
    store = createPrisma(url);
  });

  afterAll(async () => {
    if (start && start.exitCode === null) {
      const exited = new Promise((resolve) => start!.once("exit", resolve));
      start.kill("SIGTERM");
      await exited;
    }
    await site.stop();
    await store.$disconnect();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("polls the feed after starting and stores its new item", async () => {
    const env = { DATABASE_URL: url, ALLOW_PRIVATE_FETCH: "1" };
    // The feed is added while it has no items: nothing is stored yet.
    const added = await runScript("watch.ts", ["--feed", site.url("/rss.xml"), "--once", "--gap", "20ms"], env);
    expect(added.stdout).toContain(`added feed ${site.url("/rss.xml")}`);
    expect(await store.article.count()).toBe(0);

    site.pages.set("/later.html", articlePage(report(71, "Ola Berg", "Sweden deserves our thanks for its help")));
    site.rssItems = [{ path: "/later.html", title: "Later" }];
    site.rssVersion = 2;

    const port = await freePort();
    const tsx = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
    start = spawn(process.execPath, [tsx, path.join("scripts", "start.ts"), "--no-build"], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port), NEXT_DIST_DIR: DIST_DIR, WATCH_EVERY: "2s", ADMIN_PASSWORD: "start-watch-password" },
    });
    start.stdout!.on("data", (d) => (output += d));
    start.stderr!.on("data", (d) => (output += d));

    const stored = await until(async () => (await store.article.count({ where: { path: site.url("/later.html") } })) === 1, 90_000);
    if (!stored) throw new Error(`the feed's item was not stored; npm start printed:\n${output}`);
    expect(output).toContain("watching 1 feed (every 2s)");
    expect(output).toMatch(/^watch: /m);
    expect(site.hits("/later.html")).toHaveLength(1);
  });
});
