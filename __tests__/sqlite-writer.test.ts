// The SQLite bulk writer (lib/store/bulk-writer.ts) runs ingest's SQL on a connection of its own,
// outside Prisma: it must leave the store exactly as Prisma's transactions do, and a batch that
// fails must leave nothing behind.
import { createPrisma, createTempDb, type Db, type TempDb } from "../lib/store/client";
import { analyzeBatch, type BatchInput } from "../lib/ingest/batch";
import { flushPendingRollups, ingestBatch } from "../lib/store/ingest";
import { generateCorpus } from "../scripts/bench/corpus";
import { readDir } from "./helpers/analysis";

const TABLES = ["Article", "Statement", "StatementSource", "Scoring", "SeriesDay", "SeriesBucket", "RollupPending", "StatementCount"];
/** Set from the clock when a row is written. */
const TIMESTAMPS = ["createdAt", "updatedAt", "ingestedAt"];

async function storeRows(db: Db): Promise<Record<string, string[]>> {
  const rows: Record<string, string[]> = {};
  for (const table of TABLES) {
    const read = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}"`);
    rows[table] = read
      .map((row) => JSON.stringify(Object.entries(row).filter(([column]) => !TIMESTAMPS.includes(column)), (_key, value) => (typeof value === "bigint" ? Number(value) : value)))
      .sort();
  }
  return rows;
}

function inputsOf(count: number): BatchInput[] {
  const generated = generateCorpus(count).map((article) => ({ path: article.path, bytes: Buffer.from(article.text, "utf8") }));
  return [...generated, ...readDir("seeds")];
}

/** Batches of five, some rebuilding their rollups at once and some deferring them, then a re-ingest of the first ones. */
async function ingestAll(db: Db, inputs: BatchInput[]): Promise<void> {
  const batches: BatchInput[][] = [];
  for (let i = 0; i < inputs.length; i += 5) batches.push(inputs.slice(i, i + 5));
  for (const [i, batch] of batches.entries()) {
    await ingestBatch(db, analyzeBatch(batch), { deferRollups: i % 2 === 1 });
    if (i % 3 === 2) await flushPendingRollups(db);
  }
  await ingestBatch(db, analyzeBatch(batches.slice(0, 3).flat()));
  await flushPendingRollups(db);
}

describe("SQLite bulk writer", () => {
  let plain: TempDb;
  let bulkStore: TempDb;
  let bulk: Db;
  beforeAll(() => {
    plain = createTempDb("tension-writer-plain");
    bulkStore = createTempDb("tension-writer-bulk");
    bulk = createPrisma(`file:${bulkStore.file}`, { bulkWriter: true });
  });
  afterAll(async () => {
    await bulk.$disconnect();
    await plain.cleanup();
    await bulkStore.cleanup();
  });

  test("stores exactly what Prisma's transactions store, row for row", async () => {
    const inputs = inputsOf(60);
    await ingestAll(plain.prisma, inputs);
    await ingestAll(bulk, inputs);
    const [expected, got] = await Promise.all([storeRows(plain.prisma), storeRows(bulk)]);
    expect(expected.Statement.length).toBeGreaterThan(200);
    expect(expected.SeriesBucket.length).toBeGreaterThan(200);
    expect(expected.RollupPending).toEqual([]);
    // Read through the client's own connection: the writer's commits are there.
    expect(got).toEqual(expected);
  }, 120_000);

  test("a batch that fails leaves the store as it was, and the writer takes the next one", async () => {
    const before = await storeRows(bulk);
    const [fresh, next] = inputsOf(62).slice(60, 62).map((input) => ({ ...input, path: `again/${input.path}`, bytes: Buffer.concat([input.bytes, Buffer.from("\n\nA closing line.\n")]) }));
    const broken = analyzeBatch([fresh]);
    expect(broken.statements.length).toBeGreaterThan(0);
    // A report from an article that is neither in the batch nor in the store: found only after
    // the batch's article and statements are written.
    const orphan = { ...broken.statements[0].sources[0], articleHash: "0".repeat(64), path: "missing.txt" };
    broken.statements[0] = { ...broken.statements[0], sources: [...broken.statements[0].sources, orphan] };
    await expect(ingestBatch(bulk, broken)).rejects.toThrow(/neither in this batch nor in the store/);
    expect(await storeRows(bulk)).toEqual(before);

    const summary = await ingestBatch(bulk, analyzeBatch([next]));
    expect(summary.articles.new).toBe(1);
    expect((await storeRows(bulk)).Article).toHaveLength(before.Article.length + 1);
  }, 60_000);
});
