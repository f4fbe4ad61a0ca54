// Analysing stored articles again (lib/store/reanalyze.ts, `npm run reanalyze`): a store whose
// statements an older analysis made (here: its features, statements and version marks written
// directly) gets the statements, features, scores and rollups a fresh ingest of the same articles
// gives, statements keep their ids where their words are the same, a run stopped after a batch or
// killed carries on, a dry run writes nothing, and a batch that fails rolls back whole.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyzeBatch, type BatchInput } from "../lib/ingest/batch";
import { ANALYSIS_DATA, ANALYSIS_REVISION, ANALYSIS_VERSION, analysisVersionOf } from "../lib/ingest/analysis-version";
import { statementId } from "../lib/ingest/merge";
import { withStoredIds } from "../lib/ingest/unmerge";
import type { Statement } from "../lib/core/types";
import { createPrisma, migrateDeploy, type Db } from "../lib/store/client";
import { countStaleArticles } from "../lib/store/analysis-versions";
import { ingestBatch } from "../lib/store/ingest";
import { reanalyzeStore, type ReanalysisProgress } from "../lib/store/reanalyze";
import { listStatements } from "../lib/store/statements";
import { rescoreStatements } from "../lib/store/weight-sets";
import { formatDuration, formatProgress } from "../lib/view/progress";
import { staleAnalysisNotice } from "../lib/view/format";
import { readDir, ROOT } from "./helpers/analysis";
import { backends, type Backend } from "./helpers/backends";
import { rollupAndTruth } from "./helpers/rollups";
import { runScript } from "./helpers/scripts";

jest.setTimeout(300_000);

type Row = Record<string, unknown>;

/** The seeds and the fixtures' articles, in the order they are stored. */
const INPUTS: BatchInput[] = [
  ...readDir("seeds"),
  ...fs
    .readdirSync(path.join(ROOT, "__tests__", "fixtures"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((dir) => readDir(path.join("__tests__", "fixtures", dir))),
];
/** Articles per ingest batch, and per reanalysis batch. */
const BATCH = 4;

/** Ingests INPUTS as a bulk ingest would: BATCH articles per batch, in order. */
async function ingestInBatches(db: Db): Promise<void> {
  for (let i = 0; i < INPUTS.length; i += BATCH) await ingestBatch(db, analyzeBatch(INPUTS.slice(i, i + BATCH)));
}

const STALE_ID = "0123456789abcdef";

/**
 * Makes the store look built by an older analysis, consistently: no version recorded, every
 * statement's features without rule hits or lexicon value, one statement it never found and one
 * it found that the current analysis does not; scores and rollups made from those. Returns the
 * statement it never found.
 */
async function makeStale(db: Db): Promise<Statement & { path: string }> {
  await db.$executeRawUnsafe(`UPDATE "Article" SET "analysisVersion" = NULL`);
  const active = await db.weightSet.findFirstOrThrow({ where: { active: true } });
  await db.$executeRawUnsafe(
    `INSERT INTO "Scoring" ("lexicon", "ruleValues", "score", "label", "cameo", "weightVersion") VALUES (0, '', 0, 'neutral', NULL, ${active.version}) ON CONFLICT DO NOTHING`,
  );
  const blank = await db.scoring.findFirstOrThrow({ where: { lexicon: 0, ruleValues: "" } });
  await db.statement.updateMany({ data: { features: { lexicon: 0, hits: [] }, scoringId: blank.scoringId } });
  // Reported by one article only: the older analysis missed it.
  const missed = (await listStatements(db, { limit: 10_000 })).find((s) => s.sources.length === 1 && s.date)!;
  await db.statement.delete({ where: { id: missed.id } });
  const article = await db.article.findFirstOrThrow({ orderBy: { id: "asc" } });
  await db.statement.create({
    data: {
      id: STALE_ID,
      speaker: "Ola Berg",
      speakerKey: "ola berg",
      speakerCountry: "Norway",
      target: "Sweden",
      date: "2026-01-05",
      dateFrom: "2026-01-05",
      dateTo: "2026-01-05",
      sortDay: "2026-01-05",
      text: "words an older analysis read into the article",
      context: "Ola Berg said words an older analysis read into the article.",
      features: { lexicon: 0, hits: [] },
      scoringId: blank.scoringId,
      sources: { create: { articleId: article.id, quote: "words an older analysis read into the article", context: "Ola Berg said so.", dateFrom: "2026-01-05", dateTo: "2026-01-05", direct: true } },
    },
  });
  await rescoreStatements(db, { all: true });
  return { ...missed, path: missed.sources[0].path };
}

const canonical = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Row).sort(([a], [b]) => a.localeCompare(b))) : typeof v === "bigint" ? Number(v) : v,
  );

/** Everything a reader sees: each statement whole (id, words, days, features, score, sources), the rollups, the counts. */
async function visible(db: Db): Promise<{ statements: string[]; days: string[]; lines: string[]; counted: number }> {
  const statements = (await listStatements(db, { limit: 10_000 })).map((s) =>
    canonical({
      id: s.id,
      speaker: s.speaker,
      speakerCountry: s.speakerCountry,
      target: s.target,
      date: s.date,
      dateRange: s.dateRange,
      rangeFromPublication: s.rangeFromPublication,
      text: s.text,
      context: s.context,
      features: s.features,
      score: s.score,
      label: s.label,
      sources: s.sources.map((x) => canonical({ path: x.path, quote: x.quote, context: x.context, dateRange: x.dateRange, direct: x.direct })).sort(),
    }),
  );
  const rowsOf = async (table: string) =>
    (await db.$queryRawUnsafe<Row[]>(`SELECT * FROM "${table}"`))
      .map(({ id: _id, ...row }) => canonical(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "number" || typeof v === "bigint" ? Number(Number(v).toFixed(6)) : v]))))
      .sort();
  const [count] = await db.$queryRawUnsafe<Row[]>(`SELECT SUM("statements") AS "n" FROM "StatementCount"`);
  return { statements: statements.sort(), days: await rowsOf("SeriesDay"), lines: await rowsOf("SeriesBucket"), counted: Number(count.n) };
}

/** Every row of the tables a reanalysis writes, ids and timestamps included. */
async function storeRows(db: Db): Promise<Record<string, string[]>> {
  const rows: Record<string, string[]> = {};
  for (const table of ["Article", "Statement", "StatementSource", "Scoring", "SeriesDay", "SeriesBucket", "RollupPending", "StatementCount", "WeightSet"]) {
    rows[table] = (await db.$queryRawUnsafe<Row[]>(`SELECT * FROM "${table}"`)).map(canonical).sort();
  }
  return rows;
}

/** The store is consistent: rollups as the statements make them, the kept count equal to the rows. */
async function expectConsistent(db: Db): Promise<void> {
  const { stored, truth } = await rollupAndTruth(db);
  expect(stored).toEqual(truth);
  const [count] = await db.$queryRawUnsafe<Row[]>(`SELECT SUM("statements") AS "n" FROM "StatementCount"`);
  expect(Number(count.n)).toBe(await db.statement.count());
}

describe.each(backends)("reanalysing a store on %s", (_name, open) => {
  let fresh: Backend;
  let expected: Awaited<ReturnType<typeof visible>>;
  const opened: Backend[] = [];
  const staleStore = async () => {
    const store = await open();
    opened.push(store);
    await ingestInBatches(store.prisma);
    const missed = await makeStale(store.prisma);
    return { store, missed };
  };

  beforeAll(async () => {
    fresh = await open();
    opened.push(fresh);
    await ingestInBatches(fresh.prisma);
    expected = await visible(fresh.prisma);
  });
  afterAll(async () => {
    for (const store of opened) await store.cleanup();
  });

  test("brings statements, features, scores and rollups to what a fresh ingest gives, keeping ids", async () => {
    const { store, missed } = await staleStore();
    expect(await countStaleArticles(store.prisma)).toBe(INPUTS.length);
    expect(await countStaleArticles(fresh.prisma)).toBe(0);
    const before = await visible(store.prisma);
    expect(before).not.toEqual(expected);
    // Ingest in batches keeps the id of a statement's first words when a later batch's words
    // replace them: such ids are kept although they are not the hash of the words shown.
    const firstWords = (await listStatements(store.prisma, { limit: 10_000 })).filter((s) => s.id !== STALE_ID && s.id !== statementId(s.speaker, s.text));
    expect(firstWords.length).toBeGreaterThan(0);

    const batches: ReanalysisProgress[] = [];
    const result = await reanalyzeStore(store.prisma, { batch: BATCH, onBatch: (p) => void batches.push(p) });
    expect(await visible(store.prisma)).toEqual(expected);
    await expectConsistent(store.prisma);
    expect(await countStaleArticles(store.prisma)).toBe(0);
    expect(await store.prisma.article.count({ where: { analysisVersion: ANALYSIS_VERSION } })).toBe(INPUTS.length);
    const after = new Map((await listStatements(store.prisma, { limit: 10_000 })).map((s) => [s.id, s]));
    for (const s of firstWords) expect(after.get(s.id)?.text).toBe(s.text);
    expect(after.get(missed.id)?.text).toBe(missed.text);
    expect(after.has(STALE_ID)).toBe(false);

    expect(batches.map((p) => p.articles.done)).toEqual(Array.from({ length: Math.ceil(INPUTS.length / BATCH) }, (_, i) => Math.min((i + 1) * BATCH, INPUTS.length)));
    expect(batches.every((p) => p.articles.total === INPUTS.length)).toBe(true);
    const blank = [...after.values()].filter((s) => s.features.lexicon === 0 && s.features.hits.length === 0 && s.id !== missed.id).length;
    expect(result).toMatchObject({ complete: true, dryRun: false, articles: { done: INPUTS.length, total: INPUTS.length } });
    expect(result.changes).toEqual({ added: 1, removed: 1, changed: after.size - 1 - blank, unchanged: blank });
    expect(result.statements).toBeGreaterThanOrEqual(after.size);

    // Nothing is left to do: a second run changes nothing.
    const rows = await storeRows(store.prisma);
    expect(await reanalyzeStore(store.prisma, { batch: BATCH })).toMatchObject({ complete: true, articles: { done: 0, total: 0 }, statements: 0 });
    expect(await storeRows(store.prisma)).toEqual(rows);
  });

  test("statements keep their ids in batches other than the ones the store was built in", async () => {
    // Built an article at a time, as uploads on /admin build it; analysed again all at once.
    const store = await open();
    opened.push(store);
    for (const input of INPUTS) await ingestBatch(store.prisma, analyzeBatch([input]));
    await store.prisma.$executeRawUnsafe(`UPDATE "Article" SET "analysisVersion" = NULL`);
    const before = await listStatements(store.prisma, { limit: 10_000 });
    const wordsOf = (s: Statement) => `${s.speaker}\u0000${s.text}`;
    expect(before.filter((s) => s.id !== statementId(s.speaker, s.text)).length).toBeGreaterThan(0);

    await reanalyzeStore(store.prisma, { batch: INPUTS.length });
    const after = new Map((await listStatements(store.prisma, { limit: 10_000 })).map((s) => [wordsOf(s), s.id]));
    const kept = before.filter((s) => after.has(wordsOf(s)));
    expect(kept.length).toBeGreaterThan(before.length / 2);
    expect(kept.filter((s) => after.get(wordsOf(s)) !== s.id).map(wordsOf)).toEqual([]);
    await expectConsistent(store.prisma);
  });

  test("a dry run writes nothing and counts what the run changes", async () => {
    const { store } = await staleStore();
    const rows = await storeRows(store.prisma);
    const dry = await reanalyzeStore(store.prisma, { batch: BATCH, dryRun: true });
    expect(await storeRows(store.prisma)).toEqual(rows);
    expect(dry).toMatchObject({ dryRun: true, complete: true, articles: { done: INPUTS.length, total: INPUTS.length } });
    const real = await reanalyzeStore(store.prisma, { batch: BATCH });
    expect(dry.changes).toEqual(real.changes);
    expect(dry.changes.changed).toBeGreaterThan(0);
  });

  test("a run stopped after a batch leaves a consistent store, and the next run finishes the job", async () => {
    const { store } = await staleStore();
    const first = await reanalyzeStore(store.prisma, { batch: BATCH, maxBatches: 1 });
    expect(first).toMatchObject({ complete: false, articles: { done: BATCH, total: INPUTS.length } });
    expect(await countStaleArticles(store.prisma)).toBe(INPUTS.length - BATCH);
    await expectConsistent(store.prisma);
    const analysed = await store.prisma.article.findMany({ where: { analysisVersion: ANALYSIS_VERSION }, orderBy: { id: "asc" }, select: { id: true } });
    const firstIds = (await store.prisma.article.findMany({ orderBy: { id: "asc" }, take: BATCH, select: { id: true } })).map((a) => a.id);
    expect(analysed.map((a) => a.id)).toEqual(firstIds);

    const rest = await reanalyzeStore(store.prisma, { batch: BATCH });
    expect(rest).toMatchObject({ complete: true, articles: { done: INPUTS.length - BATCH, total: INPUTS.length - BATCH } });
    expect(await visible(store.prisma)).toEqual(expected);
  });

  test("an article whose stored text cannot be read fails its batch, which rolls back whole", async () => {
    const { store } = await staleStore();
    const first = await store.prisma.article.findFirstOrThrow({ orderBy: { id: "asc" } });
    await store.prisma.article.update({ where: { id: first.id }, data: { paragraphs: 42 } });
    const rows = await storeRows(store.prisma);
    await expect(reanalyzeStore(store.prisma, { batch: BATCH })).rejects.toThrow();
    expect(await storeRows(store.prisma)).toEqual(rows);
  });
});

describe("npm run reanalyze", () => {
  test("killed in the middle, leaves a consistent store; run again, finishes the job", async () => {
    // Migrated by `prisma migrate deploy`, as the command expects (test stores lack Prisma's bookkeeping).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tension-reanalyze-"));
    const url = `file:${path.join(dir, "cli.db")}`;
    migrateDeploy({ env: { DATABASE_URL: url } });
    const store = createPrisma(url);
    try {
      await ingestInBatches(store);
      await makeStale(store);

      const dry = await runScript("reanalyze.ts", ["--dry-run", "--batch", String(BATCH)], { DATABASE_URL: url });
      expect(dry.code).toBe(0);
      expect(dry.stdout).toMatch(/^dry run: analysing \d+ articles again with version \S+\n/);
      expect(dry.stdout).toMatch(/\ndry run: \d+ articles would be analysed again: statements 1 added, 1 removed, \d+ changed, \d+ unchanged; nothing was written\n$/);
      expect(await countStaleArticles(store)).toBe(INPUTS.length);

      // Killed as soon as the first batch has committed: one article per batch, so most are left.
      const killed = await runUntilFirstProgress(url);
      expect(killed).toMatch(/^1\/\d+ articles \(\d+ %\), \d+ statements?, [\d.]+ articles\/s, about .+ left$/m);
      const left = await countStaleArticles(store);
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThan(INPUTS.length);
      await expectConsistent(store);

      const rest = await runScript("reanalyze.ts", ["--batch", String(BATCH)], { DATABASE_URL: url });
      expect(rest).toMatchObject({ code: 0, stderr: "" });
      expect(rest.stdout).toMatch(new RegExp(`^analysing ${left} articles? again with version \\S+\\n`));
      expect(rest.stdout).toMatch(/\nanalysed \d+ articles again: statements \d+ added, \d+ removed, \d+ changed, \d+ unchanged\n$/);
      // The killed run went one article at a time: the rest of it may merge differently from a
      // fresh ingest in batches of four, but the store is consistent and up to date.
      expect(await countStaleArticles(store)).toBe(0);
      await expectConsistent(store);

      const again = await runScript("reanalyze.ts", [], { DATABASE_URL: url });
      expect(again).toMatchObject({ code: 0, stdout: `every stored article was analysed by the current version (${ANALYSIS_VERSION}): nothing to do\n` });
      expect(await runScript("reanalyze.ts", ["--batch", "0"], { DATABASE_URL: url })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^--batch 0: must be a whole number from 1 to 1000\nusage: npm run reanalyze/) });
    } finally {
      await store.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Runs `npm run reanalyze -- --batch 1` and kills it (SIGKILL) once it has printed its first progress line; returns its stdout. */
function runUntilFirstProgress(url: string): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawn } = require("node:child_process") as typeof import("node:child_process");
  const tsx = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  return new Promise((resolve, reject) => {
    // tsx runs the script in a child process of its own: the whole process group is killed.
    const child = spawn(process.execPath, [tsx, path.join("scripts", "reanalyze.ts"), "--batch", "1"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, detached: true });
    let stdout = "";
    child.stdout.on("data", (d) => {
      stdout += d;
      if (/articles\/s/.test(stdout)) process.kill(-child.pid!, "SIGKILL");
    });
    child.on("error", reject);
    child.on("close", (_code, signal) => (signal === "SIGKILL" ? resolve(stdout) : reject(new Error(`reanalyze ended before it was killed: ${stdout}`))));
  });
}

describe("the analysis version", () => {
  test("changes with the code's revision and with any of the data, and names every data file in lib/data", () => {
    expect(ANALYSIS_VERSION).toBe(analysisVersionOf(ANALYSIS_REVISION, ANALYSIS_DATA));
    expect(analysisVersionOf(ANALYSIS_REVISION + 1, ANALYSIS_DATA)).not.toBe(ANALYSIS_VERSION);
    const rules = ANALYSIS_DATA["rules.json"] as Record<string, unknown>;
    expect(analysisVersionOf(ANALYSIS_REVISION, { ...ANALYSIS_DATA, "rules.json": { ...rules, added: true } })).not.toBe(ANALYSIS_VERSION);
    const dataFiles = fs.readdirSync(path.join(ROOT, "lib", "data")).filter((name) => name.endsWith(".json"));
    expect(Object.keys(ANALYSIS_DATA).sort()).toEqual(dataFiles.sort());
  });

  test("the notice /admin and npm start show", () => {
    expect(staleAnalysisNotice(0)).toBeNull();
    expect(staleAnalysisNotice(1)).toBe("1 article was analysed by an older version: run npm run reanalyze");
    expect(staleAnalysisNotice(1200)).toBe("1,200 articles were analysed by an older version: run npm run reanalyze");
  });
});

describe("keeping stored ids", () => {
  const statement = (id: string, speaker: string, text: string, quotes: string[] = [text]): Statement => ({
    id,
    speaker,
    text,
    speakerCountry: "Norway",
    target: "Sweden",
    date: null,
    dateRange: null,
    context: text,
    sources: quotes.map((quote) => ({ path: "a.txt", articleHash: "a", quote, context: quote, dateRange: null, published: null, direct: true })),
    features: { lexicon: 0, hits: [] },
  });
  const fresh = (speaker: string, text: string, quotes?: string[]) => statement(statementId(speaker, text), speaker, text, quotes);

  test("a fresh statement takes the id of the stored one with its speaker and words, else of the one that held its reports, each id once", () => {
    const stored = [
      statement("first-words-id", "Ola Berg", "We will defend the border."),
      statement("merged-id", "Karin Lund", "A fine idea.", ["A fine idea.", "a fine idea indeed"]),
      statement("other", "Karin Lund", "A bad idea."),
      statement("held-id", "Ola Berg", "We shall see.", ["We shall see.", "we shall see about that"]),
    ];
    const got = withStoredIds(
      [
        fresh("Ola Berg", "We will defend the border.", ["We will defend the border, he said"]),
        fresh("OLA BERG", "we will defend the border"),
        fresh("Karin Lund", "a fine idea indeed"),
        fresh("Karin Lund", "A fine idea."),
        fresh("Karin Lund", "A bad idea, really.", ["A bad idea, really."]),
        fresh("Ola Berg", "we shall see about that"),
      ],
      stored,
    );
    expect(got.map((s) => s.id)).toEqual([
      "first-words-id",
      statementId("OLA BERG", "we will defend the border"),
      statementId("Karin Lund", "a fine idea indeed"),
      "merged-id",
      statementId("Karin Lund", "A bad idea, really."),
      "held-id",
    ]);
  });
});

describe("progress lines", () => {
  test("say how far, how fast and how long is left", () => {
    expect(formatProgress({ done: 150, total: 1200, unit: "article", elapsedMs: 50_000, extra: ["843 statements"] })).toBe(
      "150/1,200 articles (12 %), 843 statements, 3.0 articles/s, about 5 min 50 s left",
    );
    expect(formatProgress({ done: 1200, total: 1200, unit: "article", elapsedMs: 400_000 })).toBe("1,200/1,200 articles (100 %), 3.0 articles/s");
    expect(formatDuration(7_530_000)).toBe("2 h 05 min");
    expect(formatDuration(9_400)).toBe("9 s");
  });
});
