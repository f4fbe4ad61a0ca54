// The chart never lags silently. A bulk ingest killed between storing statements and rebuilding
// their days leaves the days queued in RollupPending: the dashboard then says how many statements
// are not charted yet, and the next ingest of any kind, a removal, or `npm start` rebuilds them.
import { analyzeBatch, type BatchInput } from "../lib/ingest/batch";
import { unchartedStatements } from "../lib/read/chart-lag";
import { DEFAULT_TABLE, emptyFilters } from "../lib/read/filters";
import type { Db } from "../lib/store/client";
import { inBatches, ingestParallel } from "../lib/store/bulk-ingest";
import { ingestBatch } from "../lib/store/ingest";
import { removeArticle } from "../lib/store/remove";
import { loadDashboard } from "../lib/view/dashboard";
import { catchUpChart } from "../scripts/start";
import { readDir } from "./helpers/analysis";
import { backends, type Backend } from "./helpers/backends";
import { rollupAndTruth } from "./helpers/rollups";

jest.setTimeout(180_000);

type Row = Record<string, unknown>;
const FIXTURES = ["india-pakistan-loc", "korea-missile-summit"].flatMap((dir) => readDir(`__tests__/fixtures/${dir}`));
const SEEDS = readDir("seeds");

/** What a bulk ingest killed before its rollup rebuild leaves: the statements stored, their days queued. */
async function interruptedBulkIngest(db: Db, inputs: BatchInput[]): Promise<void> {
  for (const batch of inBatches(inputs, 2)) await ingestBatch(db, analyzeBatch(batch), { deferRollups: true });
}

async function queued(db: Db): Promise<Array<{ speakerKey: string; date: string }>> {
  return db.$queryRawUnsafe<Array<{ speakerKey: string; date: string }>>(`SELECT "speakerKey", "date" FROM "RollupPending"`);
}

/** The dated statements on a queued speaker and day, counted here from every statement. */
async function onQueuedDays(db: Db): Promise<number> {
  const days = new Set((await queued(db)).map((q) => `${q.speakerKey}\n${q.date}`));
  const statements = await db.statement.findMany({ where: { date: { not: null } }, select: { speakerKey: true, date: true } });
  return statements.filter((s) => days.has(`${s.speakerKey}\n${s.date}`)).length;
}

/** The chart is whole: nothing queued, nothing said to be missing, the rollups what the statements add up to. */
async function expectCaughtUp(db: Db): Promise<void> {
  expect(await queued(db)).toEqual([]);
  expect(await unchartedStatements(db)).toBe(0);
  const { stored, truth } = await rollupAndTruth(db);
  expect(truth.length).toBeGreaterThan(10);
  expect(stored).toEqual(truth);
}

describe.each(backends)("an interrupted bulk ingest on %s", (_name, open) => {
  let backend: Backend;
  beforeEach(async () => {
    backend = await open();
    // Seeds charted as usual, then the fixtures stored with their days queued.
    await ingestBatch(backend.prisma, analyzeBatch(SEEDS));
    await interruptedBulkIngest(backend.prisma, FIXTURES);
  });
  afterEach(async () => {
    await backend?.cleanup();
  });

  test("the dashboard says how many statements are not charted yet", async () => {
    const missing = await onQueuedDays(backend.prisma);
    const fixtureStatements = await backend.prisma.statement.count({ where: { date: { not: null }, sources: { every: { article: { path: { startsWith: "__tests__/fixtures/" } } } } } });
    expect(missing).toBeGreaterThanOrEqual(fixtureStatements);
    expect(fixtureStatements).toBeGreaterThan(10);
    expect(await unchartedStatements(backend.prisma)).toBe(missing);
    expect((await loadDashboard(backend.prisma, emptyFilters(), DEFAULT_TABLE)).uncharted).toBe(missing);
    const { stored, truth } = await rollupAndTruth(backend.prisma);
    expect(stored).not.toEqual(truth);
  });

  test("a plain re-run that stores nothing new rebuilds the queued days", async () => {
    const summary = await ingestBatch(backend.prisma, analyzeBatch(FIXTURES));
    expect(summary.articles).toEqual({ new: 0, skipped: FIXTURES.length, rejected: 0 });
    await expectCaughtUp(backend.prisma);
    expect((await loadDashboard(backend.prisma, emptyFilters(), DEFAULT_TABLE)).uncharted).toBe(0);
  });

  test("an ingest of other articles rebuilds them with its own days", async () => {
    const extra: BatchInput = {
      path: "pasted/extra.txt",
      bytes: Buffer.from(`---\ntitle: Extra\ndate: 2026-03-02\n---\nExtra\n\nOSLO — Norway's foreign minister Kari Lunde said on Monday that Sweden's rules were "a hostile and reckless act".\n`),
    };
    expect((await ingestBatch(backend.prisma, analyzeBatch([extra]))).statements.new).toBe(1);
    await expectCaughtUp(backend.prisma);
  });

  test("a bulk re-run rebuilds them", async () => {
    const run = await ingestParallel(backend.prisma, inBatches(FIXTURES, 2), { workers: 1 });
    expect(run.summary.articles.skipped).toBe(FIXTURES.length);
    await expectCaughtUp(backend.prisma);
  });

  test("removing an article rebuilds them", async () => {
    await removeArticle(backend.prisma, { paths: [SEEDS[0].path] });
    await expectCaughtUp(backend.prisma);
  });

  test("npm start rebuilds them before serving", async () => {
    const entries = (await queued(backend.prisma)).length;
    expect(await catchUpChart(backend.prisma)).toBe(`rebuilt the chart's rollups an interrupted ingest left queued (${entries} entries)`);
    await expectCaughtUp(backend.prisma);
    expect(await catchUpChart(backend.prisma)).toBe("the chart is up to date");
    const counted = await backend.prisma.$queryRawUnsafe<Row[]>(`SELECT COUNT(*) AS "n" FROM "RollupPending"`);
    expect(Number(counted[0].n)).toBe(0);
  });
});
