// What lets the store grow: the chart's rollup stays equal to the statements it summarizes,
// exports page by keyset in exactly the table's order, and ingest processes running at once
// against one store neither duplicate nor lose anything.
import fs from "node:fs";
import path from "node:path";
import { SORT_KEYS, emptyFilters, type Filters } from "../lib/read/filters";
import { analyzeBatch } from "../lib/ingest/batch";
import { countStatements, queryStatements, statementPageSql } from "../lib/read/statements";
import { filterChoices } from "../lib/read/filter-choices";
import { iterateStatements } from "../lib/read/statement-export";
import { querySeries } from "../lib/read/series-query";
import { defaultWeights, encodeRuleValues, scoreFeatures, scoreValues, strongestRuleValues } from "../lib/score";
import { rebuildRollups } from "../lib/store/rollups";
import { flushPendingRollups, ingestBatch } from "../lib/store/ingest";
import { inBatches, ingestParallel } from "../lib/store/bulk-ingest";
import { scoringPairOf } from "../lib/store/scoring";
import type { Features } from "../lib/core/types";
import { Prisma } from "../lib/generated/prisma/sqlite/client";
import { previewResponseBody, seriesResponseBody } from "../lib/view/responses";
import { getActiveWeights, saveWeightSet, weightSetsByVersion } from "../lib/store/weight-sets";
import { providerOf, type Db } from "../lib/store/client";
import { generateCorpus } from "../scripts/bench/corpus";
import { ROOT, readDir } from "./helpers/analysis";
import { backends, migratedStore, sqliteBackend, type Backend } from "./helpers/backends";
import { rollupAndTruth } from "./helpers/rollups";
import { runScript, type ScriptRun } from "./helpers/scripts";
import { periodStart } from "../lib/core/days";

jest.setTimeout(180_000);

const FIXTURES = ["brazil-argentina-tariffs", "china-philippines-shoal", "india-pakistan-loc", "korea-missile-summit", "poland-russia-drones"];
const allInputs = () => [...FIXTURES.flatMap((dir) => readDir(`__tests__/fixtures/${dir}`)), ...readDir("seeds")];

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v);

/** The chart through the rollups and through the statements (a label filter naming every label). */
async function chartBothWays(db: Db, base: Filters) {
  const viaRollup = await querySeries(db, { ...base, top: 50 });
  const viaStatements = await querySeries(db, { ...base, top: 50, labels: ["hostile", "neutral", "conciliatory"] });
  return { viaRollup, viaStatements };
}

/** The chart's line rollup as stored (sorted rows). */
async function storedLines(db: Db): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<Row[]>(`SELECT * FROM "SeriesBucket"`);
  return rows
    .map((r) => [r.mode, r.period, r.key, r.start, r.speaker, r.speakerKey, num(r.speakers), r.speakerCountry, num(r.countries), r.target, num(r.targets), num(r.statements), num(r.scoreSum).toFixed(6), num(r.scoreMin), num(r.scoreMax)].join("|"))
    .sort();
}

/** Filters that take each of the chart's three sources, over ranges that start and end inside months. */
function chartFilterCases(): Filters[] {
  const ranges = [
    {},
    { from: "2025-04-15", to: "2026-01-06" },
    { from: "2025-12-01", to: "2026-01-31" },
    { from: "2025-11-20" },
    { to: "2026-01-03" },
  ];
  const cases: Filters[] = [];
  for (const range of ranges) {
    for (const by of ["speaker", "dyad"] as const) {
      for (const resolution of ["auto", "day", "week", "month"] as const) cases.push({ ...emptyFilters(), ...range, by, resolution });
    }
  }
  return cases;
}

test("scoreValues (preview, re-score) gives exactly scoreFeatures' score, label and CAMEO code", () => {
  const synthetic = generateCorpus(200).map((a) => ({ path: a.path, bytes: Buffer.from(a.text) }));
  const batches = [...FIXTURES.map((dir) => readDir(`__tests__/fixtures/${dir}`)), readDir("seeds"), synthetic];
  const statements = batches.flatMap((batch) => analyzeBatch(batch).statements);
  expect(statements.length).toBeGreaterThan(1000);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const sets = [defaultWeights()];
  for (let k = 0; k < 8; k++) {
    const w = defaultWeights();
    w.lexicon = Math.round(random() * 80) / 10;
    for (const rule of Object.keys(w.rules)) w.rules[rule] = Math.round((random() * 20 - 10) * 100) / 100;
    w.thresholds = { hostile: -Math.round(random() * 30) / 10, conciliatory: Math.round(random() * 30) / 10 };
    sets.push(w);
  }
  for (const weights of sets) {
    for (const s of statements) {
      const full = scoreFeatures(s.features, weights);
      expect(scoreValues(s.features.lexicon, strongestRuleValues(encodeRuleValues(s.features)), weights)).toEqual({ score: full.score, label: full.label, cameo: full.cameo });
    }
  }
});

// SQLite plans without statistics, so its choice of index is fixed by the schema: a page that
// sorts rows instead of reading an index in order costs hundreds of milliseconds at a million.
test("on SQLite, a page of the statement table in its default order or by score reads an index in that order, with a label filter too", async () => {
  const { prisma, cleanup } = await sqliteBackend();
  try {
    const hostile: Filters = { ...emptyFilters(), labels: ["hostile"] };
    const orders = [
      { sort: "date", dir: "desc", filters: emptyFilters() },
      { sort: "score", dir: "desc", filters: emptyFilters() },
      { sort: "score", dir: "asc", filters: emptyFilters() },
      { sort: "date", dir: "desc", filters: hostile },
      { sort: "score", dir: "asc", filters: hostile },
    ] as const;
    for (const { filters, ...order } of orders) {
      const page = statementPageSql(filters, { ...order, limit: 50, offset: 100 });
      const plan = await prisma.$queryRawUnsafe<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${page.sql}`, ...page.values);
      const details = plan.map((step) => step.detail).join(" | ");
      const labels = filters.labels;
      expect({ order, labels, details }).toEqual({ order, labels, details: expect.stringMatching(/USING (COVERING )?INDEX/) });
      expect({ order, labels, details }).toEqual({ order, labels, details: expect.not.stringMatching(/TEMP B-TREE/) });
    }
  } finally {
    await cleanup();
  }
});

// A chart line's days are summed from SeriesDay when read: each of the chart's queries has to
// search a covering index, or it would read every rollup row at a million statements.
test("on SQLite, every query behind the chart searches an index of the rollups, never scans a whole table", async () => {
  const { prisma, cleanup } = await sqliteBackend();
  try {
    await ingestBatch(prisma, analyzeBatch(allInputs()));
    const issued: Prisma.Sql[] = [];
    const db = new Proxy(prisma, {
      get(target, property, receiver) {
        if (property !== "$queryRaw") return Reflect.get(target, property, receiver);
        return (query: Prisma.Sql) => (issued.push(query), target.$queryRaw(query));
      },
    });
    for (const filters of chartFilterCases()) {
      issued.length = 0;
      const result = await querySeries(db, { ...filters, top: 5 });
      expect(result.points.length).toBeGreaterThan(0);
      for (const query of issued) {
        const plan = await prisma.$queryRawUnsafe<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${query.sql}`, ...query.values);
        const steps = plan.map((step) => step.detail);
        const scans = steps.filter((step) => /^SCAN (SeriesDay|SeriesBucket|Statement)\b/.test(step) && !/USING (COVERING )?INDEX/.test(step));
        expect({ filters, sql: query.sql, scans }).toEqual({ filters, sql: query.sql, scans: [] });
        if (/"SeriesDay"/.test(query.sql)) expect({ filters, steps }).toEqual({ filters, steps: expect.arrayContaining([expect.stringMatching(/SeriesDay USING COVERING INDEX/)]) });
      }
    }
  } finally {
    await cleanup();
  }
});

describe.each(backends)("scale on %s", (_name, open) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await open();
    // One article per batch: every later report of an utterance merges into a stored statement.
    for (const input of allInputs()) await ingestBatch(backend.prisma, analyzeBatch([input]));
  });
  afterAll(() => backend.cleanup());

  test("the chart's rollup equals the statements after merging ingests and after a re-score", async () => {
    const afterIngest = await rollupAndTruth(backend.prisma);
    expect(afterIngest.stored.length).toBeGreaterThan(20);
    expect(afterIngest.stored).toEqual(afterIngest.truth);

    // A full rebuild drops the rollups' indexes and builds them again on SQLite, and swaps in
    // fresh tables on PostgreSQL: either way the schema ends as the migrations built it.
    const indexes = async () =>
      providerOf(backend.prisma) === "sqlite"
        ? await backend.prisma.$queryRawUnsafe<Row[]>(`SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'index' ORDER BY "name"`)
        : [
            ...(await backend.prisma.$queryRawUnsafe<Row[]>(
              `SELECT CAST("tablename" AS TEXT) AS "table", CAST("indexname" AS TEXT) AS "name", "indexdef" FROM pg_indexes WHERE "schemaname" = current_schema() ORDER BY 2`,
            )),
            ...(await backend.prisma.$queryRawUnsafe<Row[]>(
              `SELECT CAST("table_name" AS TEXT) AS "table", CAST("column_name" AS TEXT) AS "column", "column_default", "is_nullable", "data_type", "ordinal_position"
               FROM information_schema.columns WHERE "table_schema" = current_schema() AND "table_name" IN ('SeriesDay', 'SeriesBucket') ORDER BY 1, 2`,
            )),
            ...(await backend.prisma.$queryRawUnsafe<Row[]>(
              `SELECT pg_get_serial_sequence('"SeriesDay"', 'id') AS "day", pg_get_serial_sequence('"SeriesBucket"', 'id') AS "bucket",
                 (SELECT COUNT(*) FROM pg_tables WHERE "schemaname" = current_schema()) AS "tables"`,
            )),
          ];
    const indexesBefore = await indexes();
    const active = await getActiveWeights(backend.prisma);
    const weights = defaultWeights();
    weights.lexicon = 7;
    await saveWeightSet(backend.prisma, weights, { baseVersion: active.version, note: "scale test" });
    expect(await indexes()).toEqual(indexesBefore);
    const afterRescore = await rollupAndTruth(backend.prisma);
    expect(afterRescore.stored).toEqual(afterRescore.truth);
    expect(afterRescore.stored).not.toEqual(afterIngest.stored);

    // Kept up batch by batch, the line rollup equals one built from scratch.
    const incremental = await storedLines(backend.prisma);
    await backend.prisma.$transaction((tx) => rebuildRollups(tx, providerOf(backend.prisma)));
    expect(incremental.length).toBeGreaterThan(20);
    expect(incremental).toEqual(await storedLines(backend.prisma));
  });

  test("the chart gives the same series and points from the rollups as from the statements, at every resolution", async () => {
    const { viaRollup: whole } = await chartBothWays(backend.prisma, emptyFilters());
    const speaker = whole.series[0].label;
    const dyad = (await querySeries(backend.prisma, { ...emptyFilters(), by: "dyad" })).points[0];
    const resolutions = new Set<string>();
    for (const base of chartFilterCases()) {
      const { viaRollup, viaStatements } = await chartBothWays(backend.prisma, base);
      expect({ base, series: viaRollup.series }).toEqual({ base, series: viaStatements.series });
      expect(viaRollup.points.length).toBeGreaterThan(0);
      expect({ base, points: viaRollup.points }).toEqual({ base, points: viaStatements.points });
      expect(viaRollup.resolution).toBe(viaStatements.resolution);
      if (base.resolution !== "auto") expect(viaRollup.resolution).toBe(base.resolution);
      resolutions.add(viaRollup.resolution);
      // Filters on the lines themselves, and across them (a speaker's dyads, a dyad's speakers).
      for (const narrowed of [{ ...base, speakers: [speaker] }, { ...base, dyads: [{ country: dyad.speakerCountry!, target: dyad.target! }] }]) {
        const both = await chartBothWays(backend.prisma, narrowed);
        expect({ narrowed, points: both.viaRollup.points }).toEqual({ narrowed, points: both.viaStatements.points });
      }
    }
    expect(resolutions).toEqual(new Set(["day", "week", "month"]));
  });

  test("a week runs from Monday to Sunday and a month from its first day, as the preview counts them", async () => {
    const dated = await backend.prisma.statement.findMany({ where: { date: { not: null }, speakerKey: { not: "" } }, select: { speakerKey: true, date: true } });
    for (const resolution of ["week", "month"] as const) {
      const expected = new Map<string, number>();
      for (const s of dated) {
        const point = `${s.speakerKey}|${periodStart(s.date!, resolution)}`;
        expected.set(point, (expected.get(point) ?? 0) + 1);
      }
      const { points } = await querySeries(backend.prisma, { ...emptyFilters(), resolution, top: 50 });
      expect(points.length).toBeGreaterThan(5);
      for (const p of points) expect({ p: `${p.series}|${p.date}`, n: p.statements }).toEqual({ p: `${p.series}|${p.date}`, n: expected.get(`${p.series}|${p.date}`) });
    }
    expect(periodStart("2026-01-04", "week")).toBe("2025-12-29"); // a Sunday
    expect(periodStart("2026-01-05", "week")).toBe("2026-01-05"); // a Monday
  });

  test("the admin preview of unsaved weights equals the chart and labels after saving them", async () => {
    const weights = defaultWeights();
    for (const rule of Object.keys(weights.rules)) weights.rules[rule] = Math.round(weights.rules[rule] * 1.37 * 10) / 10;
    weights.lexicon = 3.3;
    weights.thresholds = { hostile: -2.5, conciliatory: 0.5 };
    for (const base of [emptyFilters(), { ...emptyFilters(), by: "dyad" as const, resolution: "week" as const }]) {
      const before = new Map((await queryStatements(backend.prisma, base, { sort: "date", dir: "desc", limit: 1000, offset: 0 })).rows.map((s) => [s.id, s.label]));
      const preview = await previewResponseBody(backend.prisma, base, weights);
      const active = await getActiveWeights(backend.prisma);
      await saveWeightSet(backend.prisma, weights, { baseVersion: active.version, note: "preview check" });
      const after = (await queryStatements(backend.prisma, base, { sort: "date", dir: "desc", limit: 1000, offset: 0 })).rows;
      expect(preview.rows).toEqual((await seriesResponseBody(backend.prisma, base)).rows);
      const changed = after.filter((s) => before.get(s.id) !== s.label);
      expect(changed.length).toBeGreaterThan(0);
      expect(preview.changedCount).toBe(changed.length);
      expect(preview.changed.map((c) => [c.id, c.to.label, c.to.score]).sort()).toEqual(changed.map((s) => [s.id, s.label, s.score]).sort());
      // Back to the defaults so that the next round starts from other labels.
      await saveWeightSet(backend.prisma, defaultWeights(), { baseVersion: active.version + 1, note: "reset" });
    }
  });

  test("every statement's Scoring row holds its features' lexicon value and rule hits, scored as its features score", async () => {
    const weights = await weightSetsByVersion(backend.prisma);
    const rows = await backend.prisma.statement.findMany({ select: { features: true, scoring: true } });
    expect(rows.length).toBeGreaterThan(50);
    const pairs = new Set(rows.map((r) => r.scoring.scoringId));
    expect(pairs.size).toBeGreaterThan(10);
    expect(pairs.size).toBeLessThan(rows.length);
    for (const { features, scoring } of rows) {
      const f = features as unknown as Features;
      expect({ lexicon: scoring.lexicon, ruleValues: scoring.ruleValues }).toEqual(scoringPairOf(f));
      const full = scoreFeatures(f, weights.get(scoring.weightVersion)!);
      expect({ score: scoring.score, label: scoring.label, cameo: scoring.cameo }).toEqual({ score: full.score, label: full.label, cameo: full.cameo });
    }
  });

  test("the migration's backfill of the chart's lines reproduces what ingest keeps up", async () => {
    const kept = await storedLines(backend.prisma);
    const folder = _name === "postgresql" ? "prisma/postgres/migrations" : "prisma/migrations";
    await backend.prisma.$executeRawUnsafe(`DELETE FROM "SeriesBucket"`);
    // Days and months, then weeks from the days, then whole histories from the months, then
    // the day rows go (a line's days are read from SeriesDay).
    const migrations = ["20261122050000_chart_lines", "20261122100000_chart_weeks", "20261122110000_chart_line_totals", "20261122170000_line_days_from_seriesday"];
    for (const name of migrations) {
      const migration = fs.readFileSync(path.join(ROOT, folder, name, "migration.sql"), "utf8");
      const statements = migration.split(/;\s*$/m).map((part) => part.replace(/^--.*$/gm, "").trim());
      const backfill = statements.filter((statement) => /^(INSERT INTO|DELETE FROM) "SeriesBucket"/.test(statement));
      expect({ name, writesLines: backfill.length > 0 }).toEqual({ name, writesLines: true });
      for (const statement of backfill) await backend.prisma.$executeRawUnsafe(statement);
    }
    expect(kept.length).toBeGreaterThan(20);
    expect(await storedLines(backend.prisma)).toEqual(kept);
  });

  test("the filter's speakers, dyads and days, read from the chart's rollup and the undated statements, equal a count of every statement", async () => {
    const db = backend.prisma;
    const [undated] = await db.$queryRawUnsafe<Row[]>(`SELECT COUNT(*) AS "n", COUNT("dateFrom") AS "ranged" FROM "Statement" WHERE "date" IS NULL`);
    expect(num(undated.ranged)).toBeGreaterThan(0);
    expect(num(undated.n)).toBeGreaterThan(num(undated.ranged));
    const speakers = await db.$queryRawUnsafe<Row[]>(`SELECT MAX("speaker") AS "name", COUNT(*) AS "statements" FROM "Statement" WHERE "speakerKey" <> '' GROUP BY "speakerKey"`);
    const dyads = await db.$queryRawUnsafe<Row[]>(
      `SELECT "speakerCountry" AS "country", "target", COUNT(*) AS "statements" FROM "Statement" WHERE "speakerCountry" IS NOT NULL AND "target" IS NOT NULL GROUP BY "speakerCountry", "target"`,
    );
    const [span] = await db.$queryRawUnsafe<Row[]>(`SELECT MIN(COALESCE("date", "dateFrom")) AS "first", MAX(COALESCE("date", "dateTo")) AS "last", COUNT(*) AS "n" FROM "Statement"`);
    const choices = await filterChoices(db);
    const byName = <T extends Row>(rows: T[]) => rows.map((r) => ({ ...r, statements: num(r.statements) })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(byName(choices.speakers)).toEqual(byName(speakers));
    expect(byName(choices.dyads)).toEqual(byName(dyads));
    expect({ first: choices.firstDate, last: choices.lastDate, n: choices.statements }).toEqual({ first: span.first, last: span.last, n: num(span.n) });
    for (const list of [choices.speakers, choices.dyads]) {
      const counts = list.map((c) => c.statements);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
  });

  test("the unfiltered total comes from the count the triggers keep, which the migration's backfill reproduces", async () => {
    const counted = async () => Number((await backend.prisma.$queryRawUnsafe<{ n: unknown }[]>(`SELECT COUNT(*) AS "n" FROM "Statement"`))[0].n);
    const rows = await counted();
    expect(rows).toBeGreaterThan(100);
    expect(await countStatements(backend.prisma, emptyFilters())).toBe(rows);
    const folder = _name === "postgresql" ? "prisma/postgres/migrations" : "prisma/migrations";
    const migration = fs.readFileSync(path.join(ROOT, folder, "20261122130000_statement_count", "migration.sql"), "utf8");
    // From the first row inserted to the next comment or definition.
    const start = migration.indexOf('INSERT INTO "StatementCount"');
    const end = Math.min(...["\n--", "CREATE "].map((mark) => migration.indexOf(mark, start)).filter((at) => at >= 0));
    const backfill = migration.slice(start, end);
    await backend.prisma.$executeRawUnsafe(`DELETE FROM "StatementCount"`);
    for (const statement of backfill.split(/;\s*$/m).filter((part) => part.trim())) await backend.prisma.$executeRawUnsafe(statement);
    expect(await countStatements(backend.prisma, emptyFilters())).toBe(rows);
    // Deletes are counted too (rolled back, so that the store stays as the other tests expect).
    const rollBack = new Error("roll back");
    const afterDelete = backend.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`DELETE FROM "Statement" WHERE "id" IN (SELECT "id" FROM "Statement" ORDER BY "id" LIMIT 3)`);
      const [kept] = await tx.$queryRawUnsafe<{ n: unknown }[]>(`SELECT SUM("statements") AS "n" FROM "StatementCount"`);
      expect(Number(kept.n)).toBe(rows - 3);
      throw rollBack;
    });
    await expect(afterDelete).rejects.toBe(rollBack);
    expect(await countStatements(backend.prisma, emptyFilters())).toBe(rows);
  });

  test("export pages continue by keyset in exactly the table's order, for every sort", async () => {
    const { total } = await queryStatements(backend.prisma, emptyFilters(), { sort: "date", dir: "desc", limit: 1, offset: 0 });
    expect(total).toBeGreaterThan(100);
    for (const sort of SORT_KEYS) {
      for (const dir of ["asc", "desc"] as const) {
        const table = await queryStatements(backend.prisma, emptyFilters(), { sort, dir, limit: 1000, offset: 0 });
        const exported: string[] = [];
        for await (const page of iterateStatements(backend.prisma, emptyFilters(), { sort, dir }, 7)) exported.push(...page.map((s) => s.id));
        expect({ sort, dir, ids: exported }).toEqual({ sort, dir, ids: table.rows.map((s) => s.id) });
      }
    }
  });
});

function ingestProcess(url: string, files: string[]): Promise<ScriptRun> {
  return runScript("ingest.ts", [...files, "--workers", "1", "--batch", "2", "--json"], { DATABASE_URL: url, NODE_ENV: "production" });
}

/** What must not depend on which process stored first: the articles, and every statement's words, day, score and number of reports. */
async function contents(db: Db) {
  const articles = (await db.article.findMany({ select: { contentHash: true } })).map((a) => a.contentHash).sort();
  const statements = await db.statement.findMany({ select: { speakerKey: true, date: true, text: true, scoring: { select: { score: true } }, _count: { select: { sources: true } } } });
  return {
    articles,
    statements: statements.map((s) => `${s.speakerKey}|${s.date}|${s.text}|${s.scoring.score}|${s._count.sources}`).sort(),
    sources: await db.statementSource.count(),
  };
}

describe.each(backends)("two ingest processes at once on %s", (_name, open) => {
  let concurrent: Backend;
  let sequential: Backend;
  beforeAll(async () => {
    [concurrent, sequential] = await Promise.all([migratedStore(open), migratedStore(open)]);
    await Promise.all([getActiveWeights(concurrent.prisma), getActiveWeights(sequential.prisma)]);
  });
  afterAll(async () => {
    await concurrent.cleanup();
    await sequential.cleanup();
  });

  test("overlapping input: no article or statement twice, none lost, same store as one after the other", async () => {
    const files = allInputs().map((input) => input.path);
    // Batches of two articles, aligned, so both processes analyze the shared articles alike.
    const first = files.slice(0, 12);
    const second = files.slice(6);
    await concurrent.prisma.$disconnect();
    const runs = await Promise.all([ingestProcess(concurrent.url, first), ingestProcess(concurrent.url, second)]);
    for (const run of runs) expect({ code: run.code, stderr: run.code === 0 ? "" : run.stderr }).toEqual({ code: 0, stderr: "" });
    const summaries = runs.map((run) => JSON.parse(run.stdout.trim().split("\n").at(-1)!));
    // Each shared article went in exactly once, whichever process got there first.
    expect(summaries[0].articles.new + summaries[1].articles.new).toBe(files.length);
    expect(summaries[0].articles.skipped + summaries[1].articles.skipped).toBe(first.length + second.length - files.length);

    await sequential.prisma.$disconnect();
    for (const part of [first, second]) expect((await ingestProcess(sequential.url, part)).code).toBe(0);

    const [got, expected] = await Promise.all([contents(concurrent.prisma), contents(sequential.prisma)]);
    expect(got.articles).toHaveLength(files.length);
    expect(new Set(got.articles).size).toBe(files.length);
    expect(got.statements.length).toBeGreaterThan(100);
    expect(got).toEqual(expected);
    // Each process's inserts went to its own shard of the count.
    expect(await countStatements(concurrent.prisma, emptyFilters())).toBe(got.statements.length);
    const rollup = await rollupAndTruth(concurrent.prisma);
    expect(rollup.stored).toEqual(rollup.truth);
    // Both processes rebuilt chart lines of the same dyads' days: none is there twice.
    const lines = await storedLines(concurrent.prisma);
    await concurrent.prisma.$transaction((tx) => rebuildRollups(tx, providerOf(concurrent.prisma)));
    expect(lines).toEqual(await storedLines(concurrent.prisma));
  });
});

describe.each(backends)("deferred rollups on %s", (_name, open) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await open();
  });
  afterAll(() => backend.cleanup());

  test("a bulk ingest queues the days it touched; the next write rebuilds them with its own, as an ingest keeps them up", async () => {
    const pending = async () => Number((await backend.prisma.$queryRawUnsafe<Row[]>(`SELECT COUNT(*) AS "n" FROM "RollupPending"`))[0].n);
    const inputs = allInputs();
    // Like a run that stopped before its rebuild: stored, with the days queued.
    for (const input of inputs.slice(0, 15)) await ingestBatch(backend.prisma, analyzeBatch([input]), { deferRollups: true });
    expect(await pending()).toBeGreaterThan(20);
    const stale = await rollupAndTruth(backend.prisma);
    expect(stale.stored).toEqual([]);
    expect(stale.truth.length).toBeGreaterThan(20);

    // A later ingest that keeps the rollups up takes the queued days along.
    await ingestBatch(backend.prisma, analyzeBatch([inputs[15]]));
    expect(await pending()).toBe(0);
    for (const input of inputs.slice(16)) await ingestBatch(backend.prisma, analyzeBatch([input]));
    const rebuilt = await rollupAndTruth(backend.prisma);
    expect(rebuilt.stored).toEqual(rebuilt.truth);
    const lines = await storedLines(backend.prisma);
    await backend.prisma.$transaction((tx) => rebuildRollups(tx, providerOf(backend.prisma)));
    expect(lines.length).toBeGreaterThan(20);
    expect(lines).toEqual(await storedLines(backend.prisma));
    expect(await flushPendingRollups(backend.prisma)).toBe(0);
  });
});

test("a bulk ingest's warm-up articles are analyzed by every worker and never stored", async () => {
  const { prisma, cleanup } = await sqliteBackend();
  try {
    const inputs = allInputs();
    const [warmUp, stored] = [inputs.slice(0, 3), inputs.slice(3)];
    const run = await ingestParallel(prisma, inBatches(stored, 4), { workers: 2, warmUp });
    expect(run.summary.articles.new).toBe(stored.length);
    const paths = (await prisma.article.findMany({ select: { path: true } })).map((a) => a.path);
    expect(paths.sort()).toEqual(stored.map((i) => i.path).sort());
  } finally {
    await cleanup();
  }
});
