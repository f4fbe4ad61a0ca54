// Migrations that move stored data: applied to a store holding rows in the shape before them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { migrationFiles, type DbProvider } from "../lib/store/client";
import { dbUrl } from "./helpers/backends";

type Row = Record<string, unknown>;

/** Runs SQL on a throwaway store of one provider. */
interface RawStore {
  exec(sql: string): Promise<void>;
  query(sql: string): Promise<Row[]>;
  close(): Promise<void>;
}

async function sqliteStore(): Promise<RawStore> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require("better-sqlite3") as typeof import("better-sqlite3");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tension-migration-"));
  const db = new Database(path.join(dir, "test.db"));
  return {
    exec: async (sql) => void db.exec(sql),
    query: async (sql) => db.prepare(sql).all() as Row[],
    close: async () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresStore(adminUrl: string): Promise<RawStore> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require("pg") as typeof import("pg");
  const name = `tension_migration_${randomUUID().replace(/-/g, "")}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const client = new Client({ connectionString: dbUrl(adminUrl, name) });
  await client.connect();
  return {
    exec: async (sql) => void (await client.query(sql)),
    query: async (sql) => (await client.query(sql)).rows,
    close: async () => {
      await client.end();
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

const providers: [DbProvider, () => Promise<RawStore>][] = [["sqlite", sqliteStore]];
if (process.env.TEST_POSTGRES_URL) providers.push(["postgresql", () => postgresStore(process.env.TEST_POSTGRES_URL!)]);

/** Applies the provider's migrations whose folder names sort before `before` (or only `before` itself with `only`). */
async function migrate(store: RawStore, provider: DbProvider, before: string, only = false): Promise<void> {
  for (const file of migrationFiles(provider)) {
    const name = path.basename(path.dirname(file));
    if (only ? name === before : name < before) await store.exec(fs.readFileSync(file, "utf8"));
  }
}

const SCORING_PAIRS = "20261122160000_scoring_pairs";

describe.each(providers)("the scoring_pairs migration on %s", (provider, open) => {
  let store: RawStore;
  beforeEach(async () => {
    store = await open();
    await migrate(store, provider, SCORING_PAIRS);
  });
  afterEach(() => store.close());

  test("gives every statement the Scoring row of its lexicon value and rule hits, with the newest version's score, and keeps counting statements", async () => {
    await store.exec(`INSERT INTO "WeightSet" ("version", "weights", "note", "createdBy", "active") VALUES (1, '{}', '', 'test', false), (2, '{}', '', 'test', true)`);
    await store.exec(`INSERT INTO "Statement" ("id", "speakerKey", "date", "sortDay", "text", "context", "features", "lexicon", "ruleValues", "score", "label", "cameo", "weightVersion", "updatedAt") VALUES
      ('a', 'x', '2026-01-01', '2026-01-01', 'a', '', '{}', 0.25, 'threaten_force=1', -6.5, 'hostile', '13', 2, CURRENT_TIMESTAMP),
      ('b', 'x', '2026-01-02', '2026-01-02', 'b', '', '{}', 0.25, 'threaten_force=1', -5, 'hostile', '13', 1, CURRENT_TIMESTAMP),
      ('c', 'y', NULL, '', 'c', '', '{}', 0, '', 0, 'neutral', NULL, 2, CURRENT_TIMESTAMP)`);
    await migrate(store, provider, SCORING_PAIRS, true);

    const pairs = await store.query(`SELECT "lexicon", "ruleValues", "score", "label", "cameo", "weightVersion" FROM "Scoring" ORDER BY "lexicon"`);
    expect(pairs.map((p) => ({ ...p, weightVersion: Number(p.weightVersion) }))).toEqual([
      { lexicon: 0, ruleValues: "", score: 0, label: "neutral", cameo: null, weightVersion: 2 },
      { lexicon: 0.25, ruleValues: "threaten_force=1", score: -6.5, label: "hostile", cameo: "13", weightVersion: 2 },
    ]);
    const statements = await store.query(`SELECT s."id", p."score" FROM "Statement" s JOIN "Scoring" p ON p."scoringId" = s."scoringId" ORDER BY s."id"`);
    expect(statements).toEqual([
      { id: "a", score: -6.5 },
      { id: "b", score: -6.5 },
      { id: "c", score: 0 },
    ]);

    const counted = async () => Number((await store.query(`SELECT SUM("statements") AS "n" FROM "StatementCount"`))[0].n);
    expect(await counted()).toBe(3);
    await store.exec(`INSERT INTO "Statement" ("id", "text", "context", "features", "scoringId", "updatedAt") SELECT 'd', 'd', '', '{}', MIN("scoringId"), CURRENT_TIMESTAMP FROM "Scoring"`);
    expect(await counted()).toBe(4);
    await store.exec(`DELETE FROM "Statement" WHERE "id" IN ('a', 'd')`);
    expect(await counted()).toBe(2);
  });
});

const SOURCE_DIRECT = "20261122180000_source_direct";

describe.each(providers)("the source_direct migration on %s", (provider, open) => {
  let store: RawStore;
  beforeEach(async () => {
    store = await open();
    await migrate(store, provider, SOURCE_DIRECT);
  });
  afterEach(() => store.close());

  test("keeps the stored sources, not recorded as direct or reported", async () => {
    await store.exec(`INSERT INTO "WeightSet" ("version", "weights", "note", "createdBy", "active") VALUES (1, '{}', '', 'test', true)`);
    await store.exec(`INSERT INTO "Scoring" ("lexicon", "ruleValues", "score", "label", "weightVersion") VALUES (0, '', 0, 'neutral', 1)`);
    await store.exec(`INSERT INTO "Article" ("contentHash", "path", "title", "publishedFrom", "paragraphs") VALUES ('h', 'a.txt', 'A', 'unknown', '[]')`);
    await store.exec(`INSERT INTO "Statement" ("id", "text", "context", "features", "scoringId", "updatedAt") SELECT 's', 'words', '', '{}', MIN("scoringId"), CURRENT_TIMESTAMP FROM "Scoring"`);
    await store.exec(`INSERT INTO "StatementSource" ("statementId", "articleId", "quote", "context") SELECT 's', MIN("id"), 'words', '' FROM "Article"`);
    await migrate(store, provider, SOURCE_DIRECT, true);

    expect(await store.query(`SELECT "statementId", "quote", "direct" FROM "StatementSource"`)).toEqual([{ statementId: "s", quote: "words", direct: null }]);
    await store.exec(`UPDATE "StatementSource" SET "direct" = false`);
    expect((await store.query(`SELECT "direct" FROM "StatementSource"`)).map((r) => Boolean(r.direct))).toEqual([false]);
  });
});

const RANGE_FROM_PUBLICATION = "20261122190000_range_from_publication";

describe.each(providers)("the range_from_publication migration on %s", (provider, open) => {
  let store: RawStore;
  beforeEach(async () => {
    store = await open();
    await migrate(store, provider, RANGE_FROM_PUBLICATION);
  });
  afterEach(() => store.close());

  test("gives undated statements the day before their earliest report through its day, and leaves dated ones", async () => {
    await store.exec(`INSERT INTO "WeightSet" ("version", "weights", "note", "createdBy", "active") VALUES (1, '{}', '', 'test', true)`);
    await store.exec(`INSERT INTO "Scoring" ("lexicon", "ruleValues", "score", "label", "weightVersion") VALUES (0, '', 0, 'neutral', 1)`);
    for (const [hash, published] of [["h1", "'2026-03-01'"], ["h2", "'2026-02-27'"], ["h3", "NULL"]]) {
      await store.exec(`INSERT INTO "Article" ("contentHash", "path", "title", "published", "publishedFrom", "paragraphs") VALUES ('${hash}', '${hash}.txt', 'A', ${published}, 'unknown', '[]')`);
    }
    const statement = (id: string, date: string) =>
      store.exec(`INSERT INTO "Statement" ("id", "text", "context", "features", "scoringId", "date", "dateFrom", "dateTo", "sortDay", "updatedAt") SELECT '${id}', 'words', '', '{}', MIN("scoringId"), ${date}, ${date}, ${date}, COALESCE(${date}, ''), CURRENT_TIMESTAMP FROM "Scoring"`);
    const source = (id: string, hash: string) => store.exec(`INSERT INTO "StatementSource" ("statementId", "articleId", "quote", "context") SELECT '${id}', "id", 'words', '' FROM "Article" WHERE "contentHash" = '${hash}'`);
    await statement("undated", "NULL");
    await source("undated", "h1");
    await source("undated", "h2");
    await statement("dated", "'2026-02-20'");
    await source("dated", "h1");
    await statement("unpublished", "NULL");
    await source("unpublished", "h3");
    await migrate(store, provider, RANGE_FROM_PUBLICATION, true);

    const rows = await store.query(`SELECT "id", "date", "dateFrom", "dateTo", "sortDay", "rangeFromPublication" FROM "Statement" ORDER BY "id"`);
    expect(rows.map((r) => ({ ...r, rangeFromPublication: Boolean(r.rangeFromPublication) }))).toEqual([
      { id: "dated", date: "2026-02-20", dateFrom: "2026-02-20", dateTo: "2026-02-20", sortDay: "2026-02-20", rangeFromPublication: false },
      { id: "undated", date: null, dateFrom: "2026-02-26", dateTo: "2026-02-27", sortDay: "2026-02-27", rangeFromPublication: true },
      { id: "unpublished", date: null, dateFrom: null, dateTo: null, sortDay: "", rangeFromPublication: false },
    ]);
  });
});
