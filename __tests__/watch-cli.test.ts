// `npm run watch` as a command (scripts/watch.ts): its arguments, and one --once run against a
// local site and a folder, then another that finds nothing new.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { UsageError } from "../scripts/cli";
import { parseDuration, parseWatchArgs } from "../scripts/watch";
import { createPrisma, type Db } from "../lib/store/client";
import { articlePage, FeedSite, report } from "./helpers/feed-server";
import { runScript } from "./helpers/scripts";

jest.setTimeout(120_000);

test("durations and arguments", () => {
  expect(["250ms", "30s", "10m", "1.5h", "45"].map(parseDuration)).toEqual([250, 30_000, 600_000, 5_400_000, 45_000]);
  expect(parseDuration("ten minutes")).toBeNull();
  expect(parseWatchArgs(["--feed", "https://a.example/rss", "--feed=https://b.example/atom", "--dir", "inbox", "--every", "5m", "--once"])).toEqual({
    feeds: ["https://a.example/rss", "https://b.example/atom"],
    dir: "inbox",
    everyMs: 300_000,
    gapMs: 1000,
    once: true,
  });
  expect(() => parseWatchArgs(["--every", "500ms"])).toThrow(UsageError);
  expect(() => parseWatchArgs(["--every", "soon"])).toThrow(/a duration such as 10m/);
  expect(() => parseWatchArgs(["--feed"])).toThrow(/--feed needs a value/);
  expect(() => parseWatchArgs(["--later"])).toThrow(/unknown argument --later/);
});

describe("npm run watch -- --once", () => {
  let site: FeedSite;
  let tmp: string;
  let dir: string;
  let url: string;
  let store: Db;

  // A store the command creates and migrates itself, as on a first run.
  beforeAll(async () => {
    site = new FeedSite();
    await site.start();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "watch-cli-"));
    dir = path.join(tmp, "inbox");
    fs.mkdirSync(dir);
    url = `file:${path.join(tmp, "store.db")}`;
    store = createPrisma(url);
  });
  afterAll(async () => {
    await site.stop();
    await store.$disconnect();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("stores a feed's items and a folder's files, says what it did, and exits 1 for the rejected file", async () => {
    site.pages.set("/f1.html", articlePage(report(61, "Ola Berg", "Sweden deserves our thanks for its help")));
    site.pages.set("/f2.html", articlePage(report(62, "Ola Berg", "Sweden is making a grave mistake")));
    site.rssItems = [
      { path: "/f1.html", title: "F1" },
      { path: "/f2.html", title: "F2" },
    ];
    fs.writeFileSync(path.join(dir, "blank.txt"), "\n\n");
    const env = { DATABASE_URL: url, ALLOW_PRIVATE_FETCH: "1" };

    const first = await runScript("watch.ts", ["--feed", site.url("/rss.xml"), "--dir", dir, "--once", "--gap", "20ms"], env);
    expect(first.stdout).toContain(`added feed ${site.url("/rss.xml")}`);
    expect(first.stdout).toContain("2 new items: 2 ingested (2 new statements), 0 already stored, 0 rejected, 0 to retry");
    expect(first.stdout).toMatch(/blank\.txt: rejected \(empty file.*\), moved to rejected\//);
    expect(first.code).toBe(1);
    expect(await store.article.count()).toBe(2);

    const second = await runScript("watch.ts", ["--once"], env);
    expect(second.stdout).toContain(`${site.url("/rss.xml")}: not modified`);
    expect(second.code).toBe(0);
    expect(site.hits("/f1.html")).toHaveLength(1);
  });

  test("without a feed or a folder it is a usage error", async () => {
    const run = await runScript("watch.ts", ["--once"], { DATABASE_URL: `file:${path.join(tmp, "empty.db")}` });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no feeds stored");
  });
});
