// The watched folder (lib/store/watched-folder.ts): a file dropped into it is stored and moved
// to ingested/, a bad one is moved to rejected/ beside its reason, and a file dropped twice is
// stored once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { watchFolder, type DroppedFileResult } from "../lib/store/watched-folder";
import { listStatements } from "../lib/store/statements";
import { backends, type Backend } from "./helpers/backends";

jest.setTimeout(60_000);

const ARTICLE = `---
title: Norway and Sweden talks
date: 2026-03-05
---

Karin Lund, the foreign minister of Sweden, spoke on Thursday after a meeting with the delegation of Norway in the capital, which officials of both governments attended.

"Norway has been a reliable partner and we thank its people," Lund told reporters on Thursday.

The two countries have held regular talks on fishing rights and energy trade for several years, officials said.
`;

describe.each(backends)("the watched folder on %s", (_name, open) => {
  let store: Backend;
  let dir: string;

  beforeEach(async () => {
    store = await open();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "watched-"));
  });

  afterEach(async () => {
    await store.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Resolves with the first `n` results, or rejects after `ms`. */
  function collect(n: number, ms = 20_000) {
    const results: DroppedFileResult[] = [];
    let done: () => void = () => {};
    const all = new Promise<DroppedFileResult[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${results.length} of ${n} files handled: ${JSON.stringify(results)}`)), ms);
      done = () => {
        if (results.length >= n) {
          clearTimeout(timer);
          resolve(results);
        }
      };
    });
    return { onFile: (r: DroppedFileResult) => (results.push(r), done()), all };
  }

  test("dropped files are stored or moved aside with their reason; the same article twice is stored once", async () => {
    fs.writeFileSync(path.join(dir, "already-there.txt"), ARTICLE); // there before watching starts
    const seen = collect(4);
    const watch = watchFolder(store.prisma, dir, { stableMs: 50, onFile: seen.onFile });
    try {
      await watch.idle();
      fs.writeFileSync(path.join(dir, "empty.txt"), "   \n");
      fs.writeFileSync(path.join(dir, "binary.txt"), Buffer.from([0, 1, 2, 3, 0, 255, 0]));
      fs.writeFileSync(path.join(dir, "copy.txt"), ARTICLE);
      const results = await seen.all;
      const byName = Object.fromEntries(results.map((r) => [path.basename(r.file), r]));
      expect(byName["already-there.txt"]).toMatchObject({ outcome: "ingested", statements: { new: 1, merged: 0 } });
      expect(byName["copy.txt"].outcome).toBe("duplicate");
      expect(byName["empty.txt"]).toMatchObject({ outcome: "rejected" });
      expect(byName["binary.txt"]).toMatchObject({ outcome: "rejected" });
    } finally {
      await watch.close();
    }
    expect(fs.readdirSync(dir).sort()).toEqual(["ingested", "rejected"]);
    expect(fs.readdirSync(path.join(dir, "ingested")).sort()).toEqual(["already-there.txt", "copy.txt"]);
    expect(fs.readdirSync(path.join(dir, "rejected")).sort()).toEqual(["binary.txt", "binary.txt.reason.txt", "empty.txt", "empty.txt.reason.txt"]);
    expect(fs.readFileSync(path.join(dir, "rejected", "empty.txt.reason.txt"), "utf8")).toMatch(/empty/);
    expect(await store.prisma.article.count()).toBe(1);
    const statements = await listStatements(store.prisma, { limit: 10 });
    expect(statements.map((s) => s.speaker)).toEqual(["Karin Lund"]);
  });

  test("a name taken in rejected/ gets a number, so no reason is overwritten", async () => {
    const seen = collect(2);
    const watch = watchFolder(store.prisma, dir, { stableMs: 50, onFile: seen.onFile });
    try {
      await watch.idle();
      fs.writeFileSync(path.join(dir, "bad.txt"), "");
      await new Promise((r) => setTimeout(r, 400));
      fs.writeFileSync(path.join(dir, "bad.txt"), "");
      await seen.all;
    } finally {
      await watch.close();
    }
    expect(fs.readdirSync(path.join(dir, "rejected")).sort()).toEqual(["bad-2.txt", "bad-2.txt.reason.txt", "bad.txt", "bad.txt.reason.txt"]);
  });
});
