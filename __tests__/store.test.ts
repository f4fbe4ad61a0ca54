// Integration tests of the persistence shell on a throwaway database per backend:
// SQLite always (temp file, migrations applied from prisma/migrations), PostgreSQL
// too when TEST_POSTGRES_URL names a server we may create databases on, e.g.
// TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/postgres
// Statements are built by hand: nothing here depends on what the NLP extracts.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveDatabase, type Db } from "../lib/store/client";
import { backends, type Backend } from "./helpers/backends";
import type { BatchResult } from "../lib/ingest/batch";
import { defaultWeights, scoreFeatures } from "../lib/score";
import { ingestBatch } from "../lib/store/ingest";
import { tidyAfterRescore } from "../lib/store/rescore";
import { listStatements, storeCounts } from "../lib/store/statements";
import { createWeightSet, getActiveWeights, listWeightSets, rescoreStatements } from "../lib/store/weight-sets";
import type { DateRange, Features, ParsedArticle, Statement } from "../lib/core/types";

// ---------------------------------------------------------------------------
// Hand-built pipeline output

const hash = (s: string) => createHash("sha256").update(s).digest("hex");
const day = (d: string): DateRange => ({ from: d, to: d });

function article(name: string, published: string | null = "2026-01-08"): ParsedArticle {
  return {
    path: `articles/${name}.txt`,
    contentHash: hash(name),
    title: `Article ${name}`,
    source: "Wire",
    url: `https://example.org/${name}`,
    published,
    publishedFrom: published ? "front-matter" : "unknown",
    paragraphs: [`First paragraph of ${name}.`, `Second paragraph of ${name}.`],
  };
}

function features(lexicon: number, ruleCount = 1): Features {
  const rules = Object.keys(defaultWeights().rules).slice(0, ruleCount);
  return { lexicon, hits: rules.map((rule) => ({ rule, value: 1, evidence: `evidence for ${rule}`, modifiers: [] })) };
}

function statement(
  id: string,
  text: string,
  speaker: string | null,
  sources: { article: ParsedArticle; range: DateRange | null; direct?: boolean }[],
  f: Features = features(0.2),
): Statement {
  const range = sources.find((s) => s.range)?.range ?? null;
  return {
    id,
    text,
    speaker,
    speakerCountry: speaker ? "US" : null,
    target: "Colombia",
    date: range && range.from === range.to ? range.from : null,
    dateRange: range,
    context: `${speaker ?? "Someone"} said: "${text}"`,
    sources: sources.map(({ article: a, range: r, direct }) => ({
      path: a.path,
      articleHash: a.contentHash,
      quote: text,
      context: `${speaker ?? "Someone"} said: "${text}" (${a.title})`,
      dateRange: r,
      published: a.published,
      direct: direct ?? true,
    })),
    features: f,
  };
}

const A = article("a");
const B = article("b");
const C = article("c", "2026-01-09");
const D = article("d");

const CALL = "It was a great honor to speak with the President of Colombia";
const THREAT = "Colombia could be next if it keeps sending drugs";

function firstBatch(): BatchResult {
  return {
    articles: [A, B],
    rejected: [{ path: "articles/binary.txt", reason: "not a text file" }],
    statements: [
      statement("s-call", CALL, "Donald Trump", [
        { article: A, range: day("2026-01-07") },
        { article: B, range: { from: "2026-01-05", to: "2026-01-08" } },
      ]),
      statement("s-threat", THREAT, "Donald Trump", [{ article: B, range: day("2026-01-04") }], features(-0.6, 2)),
      statement("s-petro", "We will take up arms again", "Gustavo Petro", [{ article: A, range: null }], features(-0.4)),
    ],
  };
}

describe.each(backends)("store on %s", (_name, open) => {
  let backend: Backend;
  let prisma: Db;

  beforeAll(async () => {
    backend = await open();
    prisma = backend.prisma;
  });
  afterAll(async () => {
    await backend?.cleanup();
  });

  test("stores a batch: articles, statements with their sources, features and scores", async () => {
    const summary = await ingestBatch(prisma, firstBatch());
    expect(summary).toEqual({ articles: { new: 2, skipped: 0, rejected: 1 }, statements: { new: 3, merged: 0 } });
    expect(await storeCounts(prisma)).toEqual({ articles: 2, statements: 3, sources: 4 });

    const stored = await prisma.article.findUniqueOrThrow({ where: { contentHash: A.contentHash } });
    expect(stored).toMatchObject({ path: A.path, title: A.title, source: "Wire", url: A.url, published: "2026-01-08", publishedFrom: "front-matter" });
    expect(stored.paragraphs).toEqual(A.paragraphs);

    const rows = await listStatements(prisma);
    expect(rows.map((r) => r.id)).toEqual(["s-call", "s-threat", "s-petro"]); // newest first, undated last
    const call = rows[0];
    const weights = defaultWeights();
    const expected = scoreFeatures(call.features, weights);
    expect(call).toMatchObject({
      text: CALL,
      speaker: "Donald Trump",
      speakerCountry: "US",
      target: "Colombia",
      date: "2026-01-07",
      dateRange: day("2026-01-07"),
      score: expected.score,
      label: expected.label,
      cameo: expected.cameo,
      weightVersion: 1,
    });
    expect(call.contributions).toEqual(expected.contributions);
    expect(call.features).toEqual(features(0.2));
    expect(call.sources.map((s) => [s.path, s.articleHash, s.dateRange])).toEqual([
      [A.path, A.contentHash, day("2026-01-07")],
      [B.path, B.contentHash, { from: "2026-01-05", to: "2026-01-08" }],
    ]);
    expect(rows[2]).toMatchObject({ id: "s-petro", date: null, dateRange: { from: "2026-01-07", to: "2026-01-08" }, rangeFromPublication: true });
    expect((await prisma.statement.findUniqueOrThrow({ where: { id: "s-call" } })).speakerKey).toBe("donald trump");
  });

  test("re-ingesting the same articles is a no-op", async () => {
    const before = await prisma.statement.findMany({ orderBy: { id: "asc" } });
    const summary = await ingestBatch(prisma, { ...firstBatch(), rejected: [] });
    expect(summary).toEqual({ articles: { new: 0, skipped: 2, rejected: 0 }, statements: { new: 0, merged: 0 } });
    expect(await storeCounts(prisma)).toEqual({ articles: 2, statements: 3, sources: 4 });
    expect(await prisma.statement.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  test("a new article reporting a stored utterance merges into it", async () => {
    const longer = `${CALL}, Gustavo Petro`;
    const batch: BatchResult = {
      articles: [C],
      rejected: [],
      // Another id and a fuller wording: only isSameUtterance can tell it is the same utterance.
      statements: [statement("s-call-2", longer, "Donald  TRUMP", [{ article: C, range: { from: "2026-01-06", to: "2026-01-08" } }], features(0.3, 0))],
    };
    const summary = await ingestBatch(prisma, batch);
    expect(summary).toEqual({ articles: { new: 1, skipped: 0, rejected: 0 }, statements: { new: 0, merged: 1 } });
    expect(await storeCounts(prisma)).toEqual({ articles: 3, statements: 3, sources: 5 });
    expect(await prisma.statement.count({ where: { id: "s-call-2" } })).toBe(0);

    const [call] = (await listStatements(prisma)).filter((s) => s.id === "s-call");
    expect(call.sources.map((s) => s.path)).toEqual([A.path, B.path, C.path]);
    expect(call.text).toBe(longer);
    expect(call.date).toBe("2026-01-07");
    const expected = scoreFeatures(call.features, defaultWeights());
    expect(call.score).toBe(expected.score);
    expect(call.label).toBe(expected.label);
  });

  test("a failure mid-batch rolls back the whole batch and keeps what was stored", async () => {
    const countsBefore = await storeCounts(prisma);
    const good = statement("s-good", "We want good relations", "Gustavo Petro", [{ article: D, range: day("2026-01-08") }]);
    const invalid = { ...statement("s-bad", "broken", "Gustavo Petro", [{ article: D, range: null }]), text: null } as unknown as Statement;
    await expect(ingestBatch(prisma, { articles: [D], rejected: [], statements: [good, invalid] })).rejects.toThrow();
    expect(await storeCounts(prisma)).toEqual(countsBefore);
    expect(await prisma.article.count({ where: { contentHash: D.contentHash } })).toBe(0);

    // A source pointing at an article that is neither in the batch nor stored fails the same way.
    const orphan = statement("s-orphan", "Nobody printed this", "Gustavo Petro", [{ article: D, range: null }, { article: article("ghost"), range: null }]);
    await expect(ingestBatch(prisma, { articles: [D], rejected: [], statements: [good, orphan] })).rejects.toThrow(/ghost|neither/);
    expect(await storeCounts(prisma)).toEqual(countsBefore);

    // Nothing was left half-done: the valid part goes in afterwards.
    const summary = await ingestBatch(prisma, { articles: [D], rejected: [], statements: [good] });
    expect(summary).toEqual({ articles: { new: 1, skipped: 0, rejected: 0 }, statements: { new: 1, merged: 0 } });
  });

  test("a new weight set version re-scores the stored statements", async () => {
    const weights = { ...defaultWeights(), lexicon: 5 };
    const v2 = await createWeightSet(prisma, weights, { note: "heavier lexicon", createdBy: "test" });
    expect(v2).toMatchObject({ version: 2, active: true, note: "heavier lexicon", createdBy: "test" });
    expect((await getActiveWeights(prisma)).version).toBe(2);
    expect((await listWeightSets(prisma)).map((w) => [w.version, w.active])).toEqual([
      [1, false],
      [2, true],
    ]);
    const total = (await storeCounts(prisma)).statements;
    expect(await rescoreStatements(prisma)).toBe(total);
    for (const s of await listStatements(prisma)) {
      expect(s.weightVersion).toBe(2);
      expect(s.score).toBe(scoreFeatures(s.features, weights).score);
    }
    expect(await rescoreStatements(prisma)).toBe(0);
  });

  // Only PostgreSQL keeps dead row versions for a vacuum to clear.
  if (_name === "postgresql") {
    test("a large re-score vacuums the rewritten tables once it has committed", async () => {
      const vacuumed = async () =>
        (
          await prisma.$queryRawUnsafe<{ relname: string }[]>(
            `SELECT CAST("relname" AS TEXT) AS "relname" FROM pg_stat_user_tables WHERE "last_vacuum" IS NOT NULL AND "relname" IN ('Scoring', 'Statement', 'SeriesDay', 'SeriesBucket') ORDER BY 1`,
          )
        ).map((r) => r.relname);
      expect(await vacuumed()).toEqual([]);
      await tidyAfterRescore(prisma, 9_999);
      expect(await vacuumed()).toEqual([]);
      await tidyAfterRescore(prisma, 10_000);
      expect(await vacuumed()).toEqual(["Scoring", "SeriesBucket", "SeriesDay"]);
    });
  }

  test("weight set version 1 is created from the defaults, once", async () => {
    const fresh = await open();
    try {
      const [first, second] = await Promise.all([getActiveWeights(fresh.prisma), getActiveWeights(fresh.prisma)]);
      const third = await getActiveWeights(fresh.prisma);
      for (const w of [first, second, third]) expect(w).toMatchObject({ version: 1, active: true, weights: defaultWeights() });
      await ingestBatch(fresh.prisma, { articles: [A], rejected: [], statements: [] });
      expect(await fresh.prisma.weightSet.count()).toBe(1);
    } finally {
      await fresh.cleanup();
    }
  });
});

describe.each(backends)("direct or reported, and short quotes, on %s", (_name, open) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { mergeAll } = require("../lib/ingest/merge") as typeof import("../lib/ingest/merge");
  let backend: Backend;
  beforeAll(async () => {
    backend = await open();
  });
  afterAll(async () => backend?.cleanup());

  const PARAPHRASE = "the republic would never give up the northern valleys whatever the cost to its army";
  const QUOTE = "We will never give up the northern valleys";
  const LONG = "Their offer is a shameful insult to our farmers";
  const SHORT = "shameful insult";
  const [P, Q, E, F, G] = [article("p", "2026-03-03"), article("q", "2026-03-04"), article("e", "2026-04-01"), article("f", "2026-04-03"), article("g", "2026-04-01")];
  const batches: BatchResult[] = [
    { articles: [P], rejected: [], statements: [statement("s-paraphrase", PARAPHRASE, "Anton Vasek", [{ article: P, range: day("2026-03-02"), direct: false }])] },
    { articles: [Q], rejected: [], statements: [statement("s-quote", QUOTE, "Anton Vasek", [{ article: Q, range: day("2026-03-02") }])] },
    { articles: [E], rejected: [], statements: [statement("s-long", LONG, "Lina Oduya", [{ article: E, range: null }])] },
    { articles: [F], rejected: [], statements: [statement("s-short-later", SHORT, "Lina Oduya", [{ article: F, range: null }])] },
    { articles: [G], rejected: [], statements: [statement("s-short-same-day", SHORT, "Lina Oduya", [{ article: G, range: null }])] },
  ];
  const shape = (statements: { text: string; sources: { path: string; direct: boolean | null }[] }[]) =>
    statements.map((s) => `${s.text} ← ${s.sources.map((source) => `${source.path} ${source.direct}`).join(", ")}`).sort();

  test("each source keeps its flag; the direct quote is shown; a short quote joins only a report of its day", async () => {
    for (const batch of batches) await ingestBatch(backend.prisma, batch);
    const stored = await listStatements(backend.prisma);
    expect(shape(stored)).toEqual([
      `${LONG} ← ${E.path} true, ${G.path} true`,
      `${QUOTE} ← ${P.path} false, ${Q.path} true`,
      `${SHORT} ← ${F.path} true`,
    ]);
    // One batch merges them the same way.
    expect(shape(stored)).toEqual(shape(mergeAll(batches.flatMap((b) => b.statements))));
  });
});

describe.each(backends)("statements no report dates, on %s", (_name, open) => {
  const WORDS = "Our patience with the northern neighbour has run out";
  const [U, V, W] = [article("undated-1", "2026-05-12"), article("undated-2", "2026-05-14"), article("dated", "2026-05-13")];
  const undated = (a: ParsedArticle, id: string): BatchResult => ({ articles: [a], rejected: [], statements: [statement(id, WORDS, "Lina Oduya", [{ article: a, range: null }])] });
  const dated: BatchResult = { articles: [W], rejected: [], statements: [statement("s-dated", WORDS, "Lina Oduya", [{ article: W, range: day("2026-05-10") }])] };
  const days = (s: { date: string | null; dateRange: DateRange | null; rangeFromPublication: boolean }) => ({ date: s.date, range: s.dateRange, fromPublication: s.rangeFromPublication });

  test("are stored as the day before their earliest report through its day, and a report giving a day replaces the range, in either order", async () => {
    const first = await open();
    const second = await open();
    try {
      await ingestBatch(first.prisma, undated(V, "s-undated-2"));
      await ingestBatch(first.prisma, undated(U, "s-undated-1"));
      let [only] = await listStatements(first.prisma);
      expect(days(only)).toEqual({ date: null, range: { from: "2026-05-11", to: "2026-05-12" }, fromPublication: true });
      await ingestBatch(first.prisma, dated);
      [only] = await listStatements(first.prisma);
      expect(days(only)).toEqual({ date: "2026-05-10", range: day("2026-05-10"), fromPublication: false });

      for (const batch of [dated, undated(U, "s-undated-1"), undated(V, "s-undated-2")]) await ingestBatch(second.prisma, batch);
      const other = await listStatements(second.prisma);
      expect(other.map(days)).toEqual([days(only)]);
      expect(other[0].sources).toHaveLength(3);
    } finally {
      await first.cleanup();
      await second.cleanup();
    }
  });
});

describe("database configuration", () => {
  test("DATABASE_URL picks the provider, schema and migrations", () => {
    const cwd = "/srv/app";
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL; // unset, whatever the run's environment says
    try {
      expect(resolveDatabase(undefined, cwd)).toEqual({
        provider: "sqlite",
        url: path.resolve(cwd, "data/tension.db"),
        schema: "prisma/schema.prisma",
        migrations: "prisma/migrations",
      });
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
    expect(resolveDatabase("", cwd).url).toBe(path.resolve(cwd, "data/tension.db"));
    expect(resolveDatabase("file:./tmp/x.db", cwd).url).toBe(path.resolve(cwd, "tmp/x.db"));
    expect(resolveDatabase("file:/var/x.db", cwd).url).toBe("/var/x.db");
    expect(resolveDatabase("postgresql://u:p@db:5432/tension", cwd)).toMatchObject({
      provider: "postgresql",
      schema: "prisma/postgres/schema.prisma",
      migrations: "prisma/postgres/migrations",
    });
    expect(resolveDatabase("postgres://db/tension", cwd).provider).toBe("postgresql");
    expect(() => resolveDatabase("mysql://db/tension", cwd)).toThrow(/Unsupported/);
  });

  test("the PostgreSQL schema has the same models as the SQLite one", () => {
    const run = spawnSync(process.execPath, ["prisma/postgres/sync-schema.js", "--check"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  test("both providers have the same migrations", () => {
    const names = (dir: string) => fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, "migration.sql"))).sort();
    expect(names("prisma/postgres/migrations")).toEqual(names("prisma/migrations"));
  });

  test("the SQLite migrations produce exactly prisma/schema.prisma", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tension-diff-"));
    try {
      const run = spawnSync(
        process.execPath,
        ["node_modules/prisma/build/index.js", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--exit-code"],
        { encoding: "utf8", env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "diff.db")}` } },
      );
      // 0: no difference, 2: the schema changed without a migration (see docs/storage.md).
      expect({ status: run.status, out: run.status === 0 ? "" : run.stdout + run.stderr }).toEqual({ status: 0, out: "" });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(backends)("seeds ingested one article at a time on %s", (_name, open) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { analyzeBatch } = require("../lib/ingest/batch") as typeof import("../lib/ingest/batch");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readDir } = require("./helpers/analysis") as typeof import("./helpers/analysis");
  let backend: Backend;
  beforeAll(async () => {
    backend = await open();
  });
  afterAll(async () => backend?.cleanup());

  test("merge into the stored statements as a single batch would", async () => {
    for (const input of readDir("seeds")) await ingestBatch(backend.prisma, analyzeBatch([input]));
    const stored = await listStatements(backend.prisma, {});
    const containing = (words: string) => stored.filter((s) => s.text.includes(words) || s.sources.some((source) => source.quote.includes(words)));
    expect(containing("Great Honor")).toHaveLength(1);
    expect(new Set(containing("Great Honor")[0].sources.map((source) => source.path)).size).toBe(5);
    expect(containing("Great Honor")[0].date).toBe("2026-01-07");
    expect(containing("take up arms")).toHaveLength(1);
    expect(containing("take up arms")[0].date).toBe("2026-01-05");
  });
});
