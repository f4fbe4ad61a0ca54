// Removing a stored article (lib/store/remove.ts, `npm run remove`): its reports and the
// statements only it reported go; the statements it shared are made again from their other
// reports, so they are re-dated and re-scored; the chart's rollups then equal those of a store
// that only ever ingested the other articles. Bad references and failures change nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyzeBatch, type BatchInput } from "../lib/ingest/batch";
import { scoreFeatures } from "../lib/score";
import { createPrisma, migrateDeploy, type Db } from "../lib/store/client";
import { ingestBatch } from "../lib/store/ingest";
import { ArticleNotFoundError, parseArticleReference, removeArticle } from "../lib/store/remove";
import { listStatements } from "../lib/store/statements";
import { getActiveWeights } from "../lib/store/weight-sets";
import type { StoredStatement } from "../lib/store/rows";
import { findByQuote, readDir, ROOT } from "./helpers/analysis";
import { backends, type Backend } from "./helpers/backends";
import { runScript } from "./helpers/scripts";

jest.setTimeout(180_000);

type Row = Record<string, unknown>;
const TABLES = ["Article", "Statement", "StatementSource", "Scoring", "SeriesDay", "SeriesBucket", "RollupPending", "StatementCount", "WeightSet"];

/** Every row of the store's tables, ids and timestamps included: what "nothing changed" compares. */
async function storeRows(db: Db): Promise<Record<string, string[]>> {
  const rows: Record<string, string[]> = {};
  for (const table of TABLES) {
    const read = await db.$queryRawUnsafe<Row[]>(`SELECT * FROM "${table}"`);
    rows[table] = read.map((row) => JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? Number(value) : value))).sort();
  }
  return rows;
}

/** The chart's rollups without their row ids, and the statements by what they show: equal for equal charts and tables. */
async function chartAndTable(db: Db): Promise<{ days: string[]; lines: string[]; statements: string[] }> {
  const rowsOf = async (table: string) =>
    (await db.$queryRawUnsafe<Row[]>(`SELECT * FROM "${table}"`))
      .map(({ id: _id, ...row }) => JSON.stringify(Object.entries(row).map(([k, v]) => [k, typeof v === "number" || typeof v === "bigint" ? Number(Number(v).toFixed(6)) : v])))
      .sort();
  const statements = (await listStatements(db, { limit: 10_000 })).map(
    (s) => `${s.speaker}|${s.speakerCountry}|${s.target}|${s.date}|${JSON.stringify(s.dateRange)}|${s.text}|${s.score}|${s.sources.map((x) => `${x.path}:${x.quote}`).join(",")}`,
  );
  return { days: await rowsOf("SeriesDay"), lines: await rowsOf("SeriesBucket"), statements: statements.sort() };
}

const byQuote = (statements: StoredStatement[], quote: string) => {
  const found = findByQuote(statements, quote);
  expect(found).toHaveLength(1);
  return found[0];
};

describe.each(backends)("removing an article on %s", (_name, open) => {
  const seeds = readDir("seeds");
  const [removed, ...rest] = seeds;
  let store: Backend;
  let fresh: Backend;

  beforeAll(async () => {
    [store, fresh] = await Promise.all([open(), open()]);
    await ingestBatch(store.prisma, analyzeBatch(seeds));
    await ingestBatch(fresh.prisma, analyzeBatch(rest));
  });
  afterAll(async () => {
    await store?.cleanup();
    await fresh?.cleanup();
  });

  test("bad references change nothing and say why", async () => {
    const before = await storeRows(store.prisma);
    await expect(removeArticle(store.prisma, { id: 999 })).rejects.toThrow(new ArticleNotFoundError("no stored article has the id 999"));
    await expect(removeArticle(store.prisma, parseArticleReference("seeds/none.txt"))).rejects.toThrow("no stored article has the path seeds/none.txt");
    expect(await storeRows(store.prisma)).toEqual(before);
  });

  test("a failure halfway leaves the store as it was", async () => {
    const before = await storeRows(store.prisma);
    const active = await getActiveWeights(store.prisma);
    // New scoring pairs under a weight set that does not exist: the write fails after the deletes.
    await expect(removeArticle(store.prisma, { paths: [removed.path] }, { weights: { ...active, version: 999 } })).rejects.toThrow();
    expect(await storeRows(store.prisma)).toEqual(before);
  });

  test("shared statements are re-dated and re-scored, and the chart equals a fresh ingest of the other articles", async () => {
    const before = await listStatements(store.prisma, { limit: 10_000 });
    const article = await store.prisma.article.findFirstOrThrow({ where: { path: removed.path } });
    const reports = await store.prisma.statementSource.count({ where: { articleId: article.id } });
    const own = await store.prisma.statement.count({ where: { sources: { every: { articleId: article.id } } } });
    const shared = await store.prisma.statement.count({ where: { AND: [{ sources: { some: { articleId: article.id } } }, { sources: { some: { articleId: { not: article.id } } } }] } });
    expect(own).toBeGreaterThan(0);
    expect(shared).toBeGreaterThan(0);

    const summary = await removeArticle(store.prisma, parseArticleReference(String(article.id)));
    expect(summary).toEqual({ article: { id: article.id, path: removed.path, title: article.title }, sources: reports, statements: { removed: own, updated: shared } });
    expect(await store.prisma.article.count({ where: { id: article.id } })).toBe(0);
    expect(await store.prisma.statementSource.count({ where: { articleId: article.id } })).toBe(0);

    const after = await listStatements(store.prisma, { limit: 10_000 });
    expect(after.length).toBe(before.length - own);
    const active = await getActiveWeights(store.prisma);
    // Dated to the day by the removed article's report: now the two days its other report allows.
    const mills = [byQuote(before, "cocaine mills"), byQuote(after, "cocaine mills")];
    expect(mills[1].id).toBe(mills[0].id);
    expect(mills[0].date).toBe("2026-01-04");
    expect(mills[1]).toMatchObject({ date: null, dateRange: { from: "2026-01-03", to: "2026-01-04" } });
    expect(mills[1].sources.length).toBe(mills[0].sources.length - 1);
    // Its strongest rule hit came from the removed report: a milder score now.
    const sick = [byQuote(before, "likes making cocaine"), byQuote(after, "likes making cocaine")];
    expect(sick[1].score).toBeGreaterThan(sick[0].score);
    for (const s of after) expect(s.score).toBe(scoreFeatures(s.features, active.weights).score);
    for (const s of after) expect(s.sources.every((source) => source.path !== removed.path)).toBe(true);

    const [got, expected] = await Promise.all([chartAndTable(store.prisma), chartAndTable(fresh.prisma)]);
    expect(got.days.length).toBeGreaterThan(5);
    expect(got).toEqual(expected);
    // The statement count kept by triggers follows.
    const counted = await store.prisma.$queryRawUnsafe<Row[]>(`SELECT SUM("statements") AS "n" FROM "StatementCount"`);
    expect(Number(counted[0].n)).toBe(after.length);
  });
});

describe.each(backends)("removing each seed article on %s", (_name, open) => {
  test("leaves the chart a fresh ingest of the other seeds draws", async () => {
    const seeds = readDir("seeds");
    for (const removed of seeds.slice(1)) {
      const rest = seeds.filter((input) => input !== removed);
      const [store, fresh] = await Promise.all([open(), open()]);
      try {
        await ingestBatch(store.prisma, analyzeBatch(seeds));
        await ingestBatch(fresh.prisma, analyzeBatch(rest));
        await removeArticle(store.prisma, { paths: [removed.path] });
        const [got, expected] = await Promise.all([chartAndTable(store.prisma), chartAndTable(fresh.prisma)]);
        expect({ removed: removed.path, ...got }).toEqual({ removed: removed.path, ...expected });
      } finally {
        await store.cleanup();
        await fresh.cleanup();
      }
    }
  });

  test("a path that several articles were stored under is refused; each goes by its id", async () => {
    const store = await open();
    try {
      const text = (words: string): BatchInput => ({
        path: "pasted/same.txt",
        bytes: Buffer.from(`---\ntitle: Same name\ndate: 2026-03-02\n---\nSame name\n\nOSLO — Norway's foreign minister Kari Lunde said on Monday that Sweden's rules were "${words}".\n`),
      });
      await ingestBatch(store.prisma, analyzeBatch([text("a hostile and reckless act")]));
      await ingestBatch(store.prisma, analyzeBatch([text("a welcome step between neighbours")]));
      const ids = (await store.prisma.article.findMany({ orderBy: { id: "asc" } })).map((a) => a.id);
      expect(ids).toHaveLength(2);
      const before = await storeRows(store.prisma);
      const refused = removeArticle(store.prisma, { paths: ["pasted/same.txt"] });
      await expect(refused).rejects.toThrow(`2 stored articles have the path pasted/same.txt (ids ${ids.join(", ")}): name one by its id`);
      await expect(refused).rejects.toMatchObject({ matches: 2 });
      expect(await storeRows(store.prisma)).toEqual(before);
      expect((await removeArticle(store.prisma, { id: ids[0] })).statements.removed).toBeGreaterThan(0);
      expect((await store.prisma.article.findMany()).map((a) => a.id)).toEqual([ids[1]]);
    } finally {
      await store.cleanup();
    }
  });
});

const removeProcess = (url: string, args: string[]) => runScript("remove.ts", args, { DATABASE_URL: url });

describe("npm run remove", () => {
  test("removes by path or id, and answers an unknown article or a bad call with its exit code", async () => {
    // Migrated by `prisma migrate deploy`, as the command expects (test stores lack Prisma's bookkeeping).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tension-remove-"));
    const url = `file:${path.join(dir, "cli.db")}`;
    migrateDeploy({ env: { DATABASE_URL: url } });
    const store = { prisma: createPrisma(url), url, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    try {
      await ingestBatch(store.prisma, analyzeBatch(readDir("seeds")));
      const before = await storeRows(store.prisma);
      expect(await removeProcess(store.url, ["seeds/none.txt"])).toMatchObject({ code: 1, stdout: "", stderr: "no stored article has the path seeds/none.txt; nothing was removed\n" });
      expect(await removeProcess(store.url, [])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^name one article: its id or its path\nusage: npm run remove/) });
      expect(await removeProcess(store.url, ["1", "--force"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^unknown option --force/) });
      expect(await storeRows(store.prisma)).toEqual(before);

      const byPath = await removeProcess(store.url, [path.join(ROOT, "seeds", "000_962fe54d40122f37.txt")]);
      expect(byPath.code).toBe(0);
      expect(byPath.stdout).toMatch(/^removed article 1 \(seeds\/000_962fe54d40122f37\.txt, ".+"\) and its \d+ reports: \d+ statements only it reported removed, \d+ shared statements re-dated and re-scored by their other reports\n$/);
      const byId = await removeProcess(store.url, ["--", "2", "--json"]);
      expect(byId.code).toBe(0);
      expect(JSON.parse(byId.stdout)).toMatchObject({ article: { id: 2, path: "seeds/001_e3b96cc3e5365f60.txt" } });
      expect((await store.prisma.article.findMany({ orderBy: { id: "asc" } })).map((a) => a.id)).toEqual([3, 4, 5]);
    } finally {
      await store.prisma.$disconnect();
      await store.cleanup();
    }
  });
});
