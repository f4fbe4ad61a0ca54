// The store's invariant check (lib/store/check.ts, `npm run check-store`): a sound store passes,
// and each kind of damage a killed or buggy write could leave is named.
import Database from "better-sqlite3";
import { analyzeBatch, type BatchResult } from "../lib/ingest/batch";
import { checkStore, type Invariant } from "../lib/store/check";
import { flushPendingRollups, ingestBatch } from "../lib/store/ingest";
import { readDir } from "./helpers/analysis";
import { backends, migratedStore, sqliteBackend, type Backend } from "./helpers/backends";
import { runScript } from "./helpers/scripts";

const FIXTURES = ["korea-missile-summit", "india-pakistan-loc"].flatMap((dir) => readDir(`__tests__/fixtures/${dir}`));
let seeds: BatchResult;
let fixtures: BatchResult;
beforeAll(() => {
  seeds = analyzeBatch(readDir("seeds"));
  fixtures = analyzeBatch(FIXTURES);
});

type Row = Record<string, unknown>;

describe.each(backends)("the store check on %s", (name, open) => {
  let backend: Backend;
  const db = () => backend.prisma;
  const run = (sql: string) => db().$executeRawUnsafe(sql);
  const violated = async () => (await checkStore(db())).violations;
  const invariants = async () => [...new Set((await violated()).map((v) => v.invariant))].sort();

  beforeEach(async () => {
    backend = await open();
    await ingestBatch(db(), seeds);
    await ingestBatch(db(), fixtures);
  });
  afterEach(async () => {
    await backend?.cleanup();
  });

  test("a store written by ingest holds every invariant", async () => {
    const check = await checkStore(db());
    expect(check.violations).toEqual([]);
    expect(check.counts.statements).toBeGreaterThan(50);
    expect(check.counts.weightSets).toBe(1);
    expect(check.queuedDays).toBe(0);
  });

  test("an empty store holds them too", async () => {
    const empty = await open();
    try {
      expect((await checkStore(empty.prisma)).violations).toEqual([]);
    } finally {
      await empty.cleanup();
    }
  });

  test("a chart day off by one statement's score is named with what the statements give", async () => {
    const [day] = await db().$queryRawUnsafe<Row[]>(`SELECT "id", "speakerKey", "date" FROM "SeriesDay" WHERE "speakerKey" <> '' ORDER BY "id" LIMIT 1`);
    await run(`UPDATE "SeriesDay" SET "scoreSum" = "scoreSum" + 1 WHERE "id" = ${Number(day.id)}`);
    const [violation, ...others] = await violated();
    expect(violation.invariant).toBe("rollups");
    expect(violation.message).toContain(`SeriesDay: 1 days differ from the statements: ${day.speakerKey}`);
    expect(violation.message).toContain(`on ${day.date}`);
    expect(violation.message).toMatch(/the statements give \d+ statements/);
    // Weeks and months are summed from the statements here, not from the stored days.
    expect(others).toEqual([]);
  });

  test("a missing week or a stray one is named", async () => {
    await run(`DELETE FROM "SeriesBucket" WHERE "id" = (SELECT MIN("id") FROM "SeriesBucket" WHERE "period" = 'week')`);
    expect((await violated()).map((v) => v.message)).toEqual([expect.stringMatching(/^SeriesBucket: 1 chart periods differ from the statements: .* week from \d{4}-\d\d-\d\d has statements but no row$/)]);
    await run(
      `INSERT INTO "SeriesBucket" ("mode", "period", "key", "start", "speakers", "countries", "targets", "statements", "scoreSum", "scoreMin", "scoreMax") VALUES ('speaker', 'month', 'nobody', '2020-01-01', 1, 0, 0, 1, 1, 1, 1)`,
    );
    expect((await violated()).map((v) => v.message).join()).toContain("speaker line nobody, month from 2020-01-01 has a row but no statements");
  });

  test("days a bulk ingest queued are left out until rebuilt, then checked", async () => {
    const more = await open();
    try {
      await ingestBatch(more.prisma, seeds);
      await ingestBatch(more.prisma, fixtures, { deferRollups: true });
      const queued = await checkStore(more.prisma);
      expect(queued.violations).toEqual([]);
      expect(queued.queuedDays).toBeGreaterThan(5);
      await flushPendingRollups(more.prisma);
      expect(await checkStore(more.prisma)).toEqual({ ...queued, queuedDays: 0 });
    } finally {
      await more.cleanup();
    }
  });

  test("a sort day, a speaker key or a scoring pair that is not the statement's own", async () => {
    const [first, second] = await db().$queryRawUnsafe<Row[]>(`SELECT "id", "scoringId" FROM "Statement" ORDER BY "id" LIMIT 2`);
    await run(`UPDATE "Statement" SET "sortDay" = '1999-01-01' WHERE "id" = '${first.id}'`);
    await run(`UPDATE "Statement" SET "speakerKey" = 'someone else' WHERE "id" = '${second.id}'`);
    const other = await db().$queryRawUnsafe<Row[]>(`SELECT "scoringId" FROM "Scoring" WHERE "scoringId" <> ${Number(first.scoringId)} ORDER BY "scoringId" LIMIT 1`);
    await run(`UPDATE "Statement" SET "scoringId" = ${Number(other[0].scoringId)} WHERE "id" = '${first.id}'`);
    const messages = (await violated()).filter((v) => v.invariant === "derived columns").map((v) => v.message);
    expect(messages).toEqual([
      expect.stringMatching(/^1 speaker names with a speakerKey that is not theirs: ".+" keyed "someone else"$/),
      "1 statements whose sortDay is not their day (date, else the end of their range)",
      `1 statements on a scoring pair that is not their features' (e.g. ${first.id})`,
    ]);
  });

  test("a statement no source reports, and a counter that drifted", async () => {
    const [statement] = await db().$queryRawUnsafe<Row[]>(`SELECT "statementId" AS "id" FROM "StatementSource" GROUP BY "statementId" HAVING COUNT(*) = 1 ORDER BY "statementId" LIMIT 1`);
    await run(`DELETE FROM "StatementSource" WHERE "statementId" = '${statement.id}'`);
    await run(`UPDATE "StatementCount" SET "statements" = "statements" + 1 WHERE "shard" = (SELECT MIN("shard") FROM "StatementCount")`);
    const statements = await db().statement.count();
    expect(await violated()).toEqual([
      { invariant: "orphans", message: "1 statements that no source reports" },
      { invariant: "counts", message: `StatementCount says ${statements + 1} statements, the table holds ${statements}` },
    ]);
  });

  test("two active weight sets, and a pair whose score is not what the active weights give", async () => {
    const [pair] = await db().$queryRawUnsafe<Row[]>(`SELECT "scoringId" FROM "Statement" WHERE "date" IS NOT NULL ORDER BY "id" LIMIT 1`);
    await run(`UPDATE "Scoring" SET "score" = "score" + 0.5 WHERE "scoringId" = ${Number(pair.scoringId)}`);
    expect((await violated()).filter((v) => v.invariant === "weights")).toEqual([
      { invariant: "weights", message: expect.stringMatching(/^1 scoring pairs whose score is not what version 1's weights give: lexicon .* stored as/) },
    ]);
    // Its statements' days no longer add up either.
    expect(await invariants()).toEqual<Invariant[]>(["rollups", "weights"]);

    await db().weightSet.create({ data: { version: 2, weights: {}, active: true } });
    expect((await violated()).find((v) => v.message.includes("active weight sets"))?.message).toBe("2 active weight sets (1, 2), not exactly one");
  });

  test("pairs a re-score missed are named by their version", async () => {
    const active = await db().weightSet.findFirstOrThrow({ where: { active: true } });
    await db().weightSet.update({ where: { version: 1 }, data: { active: false } });
    await db().weightSet.create({ data: { version: 2, weights: active.weights as object, active: true } });
    const pairs = await db().scoring.count();
    expect(await violated()).toEqual([{ invariant: "weights", message: `${pairs} scoring pairs scored by version 1, not by the active version 2` }]);
  });

  if (name === "sqlite") {
    test("rows pointing at a deleted article (foreign keys off) fail the integrity check and are orphans", async () => {
      const file = backend.url.slice("file:".length);
      const raw = new Database(file);
      raw.pragma("foreign_keys = OFF");
      const { n: sources } = raw.prepare(`SELECT COUNT(*) AS n FROM "StatementSource" WHERE "articleId" = 1`).get() as { n: number };
      raw.prepare(`DELETE FROM "Article" WHERE "id" = 1`).run();
      raw.close();
      expect(sources).toBeGreaterThan(0);
      expect(await violated()).toEqual([
        { invariant: "integrity", message: `PRAGMA foreign_key_check: ${sources} rows point at missing rows (StatementSource → Article)` },
        { invariant: "orphans", message: `${sources} sources whose article is missing` },
      ]);
    });
  }
});

describe("npm run check-store", () => {
  test("says the store is sound, or lists what it breaks and exits 1", async () => {
    const store = await migratedStore(sqliteBackend);
    try {
      await ingestBatch(store.prisma, seeds);
      const sound = await runScript("check-store.ts", [], { DATABASE_URL: store.url });
      expect(sound).toMatchObject({ code: 0, stderr: "", stdout: expect.stringMatching(/^store holds every invariant: 5 articles, \d+ statements, \d+ reports\n$/) });
      await store.prisma.$executeRawUnsafe(`UPDATE "StatementCount" SET "statements" = "statements" - 1 WHERE "shard" = (SELECT MIN("shard") FROM "StatementCount")`);
      const broken = await runScript("check-store.ts", ["--json"], { DATABASE_URL: store.url });
      expect(broken.code).toBe(1);
      expect(JSON.parse(broken.stdout).violations).toEqual([{ invariant: "counts", message: expect.stringMatching(/^StatementCount says \d+ statements/) }]);
      expect(await runScript("check-store.ts", ["--bogus"], { DATABASE_URL: store.url })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^unknown argument --bogus/) });
    } finally {
      await store.cleanup();
    }
  });

  test("refuses a store that is not migrated, naming what it lacks", async () => {
    const store = await sqliteBackend();
    try {
      const run = await runScript("check-store.ts", [], { DATABASE_URL: store.url });
      expect(run).toMatchObject({ code: 1, stdout: "", stderr: expect.stringMatching(/^the store lacks \d+ migrations \(.*\): run npm run db:migrate first\n$/) });
    } finally {
      await store.cleanup();
    }
  });
});
