// The chart's rollups of dated statements. Both are derived data, rebuilt from Statement in the
// transaction of every write that changes a dated statement's score, speaker, countries or day
// (or, for a bulk ingest, queued in that transaction and rebuilt a few transactions later).
// - SeriesDay: per speaker, speaker country, target and day. It serves any combination of
//   filters, the chart's lines read their days from it (lineRowsFromDays), and SeriesBucket is
//   built from it.
// - SeriesBucket: per chart line (a speaker, or a speaker country → target dyad) and week, month
//   and whole history. The chart ranks its lines over months and reads a line's rows of the
//   charted period, so that its cost follows the number of lines and points shown, not of
//   statements.
import { Prisma } from "../generated/prisma/sqlite/client";
import type { DbProvider as Provider } from "./client";
import type { RawTx } from "./bulk-writer";
import { chunks } from "./sql";
import { DYAD_SEPARATOR } from "../core/dyad";
import { addDays, nextPeriod, periodStart } from "../core/days";

const sql = Prisma.sql;
const join = Prisma.join;

/** What a write touched: the speaker, countries and day of a statement before and after it. */
export interface RollupKey {
  speakerKey: string;
  speakerCountry: string | null;
  target: string | null;
  date: string;
}

/**
 * Statements with their scores (each from its Scoring pair). Every other column name belongs to
 * one of the two tables alone; "scoringId", in both, is always qualified.
 */
export const SCORED_STATEMENTS = sql`"Statement" JOIN "Scoring" ON "Scoring"."scoringId" = "Statement"."scoringId"`;

/** The rollup tables a rebuild writes: the live ones, or (a full rebuild on PostgreSQL) fresh copies. */
interface RollupTables {
  day: Prisma.Sql;
  bucket: Prisma.Sql;
}

const LIVE: RollupTables = { day: sql`"SeriesDay"`, bucket: sql`"SeriesBucket"` };

const seriesDayInsert = (t: RollupTables) => sql`INSERT INTO ${t.day} ("speakerKey", "speaker", "speakerCountry", "target", "date", "statements", "scoreSum", "scoreMin", "scoreMax")
  SELECT "speakerKey", MAX("speaker"), "speakerCountry", "target", "date", COUNT(*), SUM("score"), MIN("score"), MAX("score")
  FROM ${SCORED_STATEMENTS}`;
// In the column order of Statement_scoring_idx, so that the full rebuild reads that index in order.
const SERIES_DAY_GROUP = sql`GROUP BY "date", "speakerKey", "speakerCountry", "target"`;

const BUCKET_COLUMNS = sql`("mode", "period", "key", "start", "speaker", "speakerKey", "speakers", "speakerCountry", "countries", "target", "targets", "statements", "scoreSum", "scoreMin", "scoreMax")`;

/**
 * "The only value, or null when there are none or several", and how many (0, 1, 2 = several).
 * MIN and MAX skip nulls, so one distinct value is MIN = MAX: far cheaper than COUNT(DISTINCT),
 * which sorts every group apart.
 */
function onlyOfValues(column: string, count: string): Prisma.Sql {
  const c = Prisma.raw(`"${column}"`);
  return sql`CASE WHEN MIN(${c}) = MAX(${c}) THEN MIN(${c}) END AS ${c}, CASE WHEN MIN(${c}) IS NULL THEN 0 WHEN MIN(${c}) = MAX(${c}) THEN 1 ELSE 2 END AS ${Prisma.raw(`"${count}"`)}`;
}

export type LineMode = "speaker" | "dyad";
const LINE_MODES: LineMode[] = ["speaker", "dyad"];
/** The SeriesDay columns that tell a mode's lines apart. */
const LINE_KEY_COLUMNS: Record<LineMode, string[]> = { speaker: ["speakerKey"], dyad: ["speakerCountry", "target"] };

/**
 * What makes a chart line of each mode out of SeriesDay (or Statement) rows: which rows belong
 * to a line, its key (the chart's series key), and a period's speaker, country and target
 * columns.
 */
const LINES: Record<LineMode, { belongs: Prisma.Sql; key: Prisma.Sql; who: Prisma.Sql }> = {
  speaker: {
    belongs: sql`"speakerKey" <> ''`,
    key: sql`"speakerKey"`,
    who: sql`MAX("speaker") AS "speaker", "speakerKey" AS "speakerKey", 1 AS "speakers", ${onlyOfValues("speakerCountry", "countries")}, ${onlyOfValues("target", "targets")}`,
  },
  dyad: {
    belongs: sql`"speakerCountry" IS NOT NULL AND "target" IS NOT NULL`,
    // The separator is a literal, not a parameter: PostgreSQL matches GROUP BY expressions
    // textually, and two parameters ($1, $2) with equal values are different expressions.
    key: sql`"speakerCountry" || ${Prisma.raw(`'${DYAD_SEPARATOR}'`)} || "target"`,
    who: sql`CASE WHEN MIN("speakerKey") = MAX("speakerKey") THEN MAX("speaker") END AS "speaker", ${onlyOfValues("speakerKey", "speakers")},
      MAX("speakerCountry") AS "speakerCountry", 1 AS "countries", MAX("target") AS "target", 1 AS "targets"`,
  },
};

/**
 * A chart line's rows of `period` (days, or the weeks or months starting on "start"), summed
 * from the SeriesDay rows of `table` that meet `condition`: SeriesBucket's columns, named as
 * there. `from` (joined as `m`) lists the lines and days to read when given.
 */
export function lineRowsFromDays(
  provider: Provider,
  mode: LineMode,
  period: "day" | LongerPeriod,
  options: { table?: Prisma.Sql; condition?: Prisma.Sql; from?: Prisma.Sql } = {},
): Prisma.Sql {
  const line = LINES[mode];
  const start = period === "day" ? sql`"date"` : periodStartOf(provider, period, sql`"date"`);
  return sql`SELECT ${Prisma.raw(`'${mode}'`)} AS "mode", ${Prisma.raw(`'${period}'`)} AS "period", ${line.key} AS "key", ${start} AS "start", ${line.who},
    SUM("statements") AS "statements", SUM("scoreSum") AS "scoreSum", MIN("scoreMin") AS "scoreMin", MAX("scoreMax") AS "scoreMax"
  ${lineDaysFrom(mode, options)} GROUP BY ${Prisma.raw(LINE_KEY_COLUMNS[mode].map((c) => `"${c}"`).join(", "))}, ${start}`;
}

/** FROM and WHERE for the SeriesDay rows of `table` (default: the live one) in a mode's lines that meet `condition`. */
export function lineDaysFrom(mode: LineMode, options: { table?: Prisma.Sql; condition?: Prisma.Sql; from?: Prisma.Sql } = {}): Prisma.Sql {
  const table = options.table ?? LIVE.day;
  // CROSS JOIN keeps the listed lines the outer loop in SQLite: one index range per line.
  const source = options.from ? sql`${options.from} AS m CROSS JOIN ${table}` : table;
  const belongs = LINES[mode].belongs;
  return sql`FROM ${source} WHERE ${options.condition ? sql`${belongs} AND ${options.condition}` : belongs}`;
}

/** The key of a SeriesDay row's line in `mode` (the chart's series key). */
export function lineKeyOfDay(mode: LineMode): Prisma.Sql {
  return LINES[mode].key;
}

/** The SeriesDay values (LINE_KEY_COLUMNS) of a line's key. */
export function lineKeyValues(mode: LineMode, key: string): string[] {
  return mode === "dyad" ? key.split(DYAD_SEPARATOR) : [key];
}

/** That a SeriesDay row is on the line whose key values (lineKeyValues) lead the row `m`. */
export function onListedLine(mode: LineMode): Prisma.Sql {
  return join(LINE_KEY_COLUMNS[mode].map((column, i) => sql`${Prisma.raw(`"${column}"`)} = ${Prisma.raw(`m.column${i + 1}`)}`), " AND ");
}

/**
 * A line's rows combined over a longer period (whole histories from months, the chart's points
 * over a date range): the only speaker, country or target of the period when every row had at
 * most that one.
 */
export function combinedLineColumns() {
  const only = (value: string, count: string) => {
    const v = Prisma.raw(`"${value}"`);
    const n = Prisma.raw(`"${count}"`);
    const single = sql`MAX(${n}) = 1 AND MIN(${v}) = MAX(${v})`;
    return {
      single,
      value: sql`CASE WHEN ${single} THEN MAX(${v}) END`,
      count: sql`CASE WHEN MAX(${n}) = 0 THEN 0 WHEN ${single} THEN 1 ELSE 2 END`,
    };
  };
  const speakerKey = only("speakerKey", "speakers");
  const country = only("speakerCountry", "countries");
  const target = only("target", "targets");
  return {
    // In speaker lines every row holds the line's speaker: its name is kept whatever the count.
    speaker: sql`CASE WHEN MAX("mode") = 'speaker' OR (${speakerKey.single}) THEN MAX("speaker") END`,
    speakerKey,
    country,
    target,
    totals: sql`SUM("statements"), SUM("scoreSum"), MIN("scoreMin"), MAX("scoreMax")`,
  };
}

function combinedBucketColumns(): Prisma.Sql {
  const c = combinedLineColumns();
  return sql`${c.speaker}, ${c.speakerKey.value}, ${c.speakerKey.count}, ${c.country.value}, ${c.country.count}, ${c.target.value}, ${c.target.count}, ${c.totals}`;
}

/** The first day of the month of a YYYY-MM-DD column or expression (portable SQL). */
export function monthStartSql(day: Prisma.Sql): Prisma.Sql {
  return sql`SUBSTR(${day}, 1, 7) || '-01'`;
}

/** The Monday of the week of a YYYY-MM-DD column or expression. */
export function weekStartSql(provider: Provider, day: Prisma.Sql): Prisma.Sql {
  return provider === "postgresql" ? sql`TO_CHAR(DATE_TRUNC('week', CAST(${day} AS DATE)), 'YYYY-MM-DD')` : sql`DATE(${day}, '-6 days', 'weekday 1')`;
}

/** The periods kept in SeriesBucket besides days, built from its day rows. */
const LONGER_PERIODS = ["week", "month"] as const;
type LongerPeriod = (typeof LONGER_PERIODS)[number];

function periodStartOf(provider: Provider, period: LongerPeriod, day: Prisma.Sql): Prisma.Sql {
  return period === "week" ? weekStartSql(provider, day) : monthStartSql(day);
}

/**
 * A line's whole history (period "all", dated by its first month) from its month rows: ranks
 * the lines when no date range is set by reading one row per line.
 */
function wholeHistoryRows(t: RollupTables, condition: Prisma.Sql): Prisma.Sql {
  return sql`SELECT "mode", 'all', "key", MIN("start"), ${combinedBucketColumns()} FROM ${t.bucket} WHERE "period" = 'month' AND ${condition} GROUP BY "mode", "key"`;
}

/** Keys per statement: a few parameters each, far below either database's limit. */
const KEYS_PER_STATEMENT = 300;

function unique<T>(items: T[], keyOf: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [keyOf(item), item])).values()];
}

/**
 * Takes SQLite's write lock now. Prisma begins transactions as DEFERRED: one that read first
 * and wrote later would fail, not wait, when another process wrote in between. (The bulk
 * writer begins IMMEDIATE and holds the lock already; this is then a no-op.)
 */
export async function takeSqliteWriteLock(tx: RawTx): Promise<void> {
  await tx.$executeRaw(sql`DELETE FROM "SeriesDay" WHERE 1 = 0`);
}

/**
 * Makes the caller's transaction the only one rebuilding rollups until it ends. Rebuilding
 * deletes and re-inserts a day's rows: on PostgreSQL, two transactions doing that to the same
 * day at once would each insert their own. SQLite admits one writer: its write lock suffices.
 */
export async function lockRollups(tx: RawTx, provider: Provider): Promise<void> {
  if (provider === "postgresql") await tx.$executeRaw(sql`SELECT pg_advisory_xact_lock(hashtextextended('tension-index rollups', 0))`);
  else await takeSqliteWriteLock(tx);
}

/** Records keys whose rollups are to be rebuilt later (see rebuildPendingRollups). */
export async function queueRollups(tx: RawTx, keys: RollupKey[]): Promise<void> {
  const rows = unique(keys, (k) => `${k.speakerKey}\n${k.speakerCountry}\n${k.target}\n${k.date}`);
  for (const part of chunks(rows, KEYS_PER_STATEMENT)) {
    await tx.$executeRaw(sql`INSERT INTO "RollupPending" ("speakerKey", "speakerCountry", "target", "date") ${valuesRows(part.map((k) => [k.speakerKey, k.speakerCountry, k.target, k.date]))}`);
  }
}

/**
 * Rebuilds the rollups of every queued key, and of `keys` with them, and removes the queued keys;
 * returns how many were queued. Removes exactly the rows it read: a key queued meanwhile by
 * another process stays queued.
 */
export async function rebuildPendingRollups(tx: RawTx, provider: Provider, keys: RollupKey[] = []): Promise<number> {
  const pending = await tx.$queryRaw<Array<RollupKey & { id: number }>>(sql`SELECT "id", "speakerKey", "speakerCountry", "target", "date" FROM "RollupPending"`);
  if (pending.length + keys.length === 0) return 0;
  await rebuildRollups(tx, provider, [...keys, ...pending]);
  if (pending.length === 0) return 0;
  for (const part of chunks(pending.map((row) => Number(row.id)), KEYS_PER_STATEMENT)) await tx.$executeRaw(sql`DELETE FROM "RollupPending" WHERE "id" IN (${join(part)})`);
  return pending.length;
}

/**
 * SQLite updates a row's entries in every index it is in, which costs several times writing
 * the row; building an index afresh from the finished table is much cheaper. So a bulk write
 * drops a table's indexes (those on any of `columns`, or all) inside its transaction (readers
 * keep the old snapshot with its indexes; a failure rolls the drop back) and runs the returned
 * definitions again at its end.
 */
export async function dropSqliteIndexes(tx: RawTx, table: string, columns?: string[]): Promise<string[]> {
  const indexes = await tx.$queryRaw<{ name: string; sql: string }[]>(
    sql`SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'index' AND "tbl_name" = ${table} AND "sql" IS NOT NULL`,
  );
  const dropped = columns ? indexes.filter((index) => columns.some((column) => index.sql.slice(index.sql.indexOf("(")).includes(`"${column}"`))) : indexes;
  for (const index of dropped) await tx.$executeRawUnsafe(`DROP INDEX "${index.name}"`);
  return dropped.map((index) => index.sql);
}

/** Rebuilds both rollups for the given keys (all of them when `keys` is omitted). */
export async function rebuildRollups(tx: RawTx, provider: Provider, keys?: RollupKey[]): Promise<void> {
  if (!keys) {
    if (provider === "postgresql") await rebuildAllAndSwap(tx);
    else await rebuildAllInPlace(tx);
    return;
  }
  const speakerDayKeys = unique(keys, (k) => `${k.speakerKey}\n${k.date}`);
  for (const part of chunks(speakerDayKeys, KEYS_PER_STATEMENT)) {
    const match = rowIn(["speakerKey", "date"], part.map((k) => [k.speakerKey, k.date]));
    await tx.$executeRaw(sql`DELETE FROM "SeriesDay" WHERE ${match}`);
    await tx.$executeRaw(sql`${seriesDayInsert(LIVE)} WHERE ${match} ${SERIES_DAY_GROUP}`);
  }
  // Each line's weeks and months that hold a touched day, summed again from its days.
  const lineDaysOf: Record<LineMode, Array<{ key: string; day: string }>> = {
    speaker: speakerDayKeys.filter((k) => k.speakerKey !== "").map((k) => ({ key: k.speakerKey, day: k.date })),
    dyad: keys.flatMap((k) => (k.speakerCountry !== null && k.target !== null ? [{ key: `${k.speakerCountry}${DYAD_SEPARATOR}${k.target}`, day: k.date }] : [])),
  };
  for (const period of LONGER_PERIODS) {
    for (const mode of LINE_MODES) {
      const periods = unique(
        lineDaysOf[mode].map((d) => ({ ...d, start: periodStart(d.day, period) })),
        (p) => `${p.key}\n${p.start}`,
      );
      const after = LINE_KEY_COLUMNS[mode].length;
      const inPeriod = sql`${onListedLine(mode)} AND "date" >= ${Prisma.raw(`m.column${after + 1}`)} AND "date" <= ${Prisma.raw(`m.column${after + 2}`)}`;
      for (const part of chunks(periods, KEYS_PER_STATEMENT)) {
        await tx.$executeRaw(sql`DELETE FROM "SeriesBucket" WHERE "mode" = ${mode} AND "period" = ${period} AND ${rowIn(["key", "start"], part.map((p) => [p.key, p.start]))}`);
        const ranges = valuesList(part.map((p) => [...lineKeyValues(mode, p.key), p.start, addDays(nextPeriod(p.start, period), -1)]));
        await tx.$executeRaw(sql`INSERT INTO "SeriesBucket" ${BUCKET_COLUMNS} ${lineRowsFromDays(provider, mode, period, { from: ranges, condition: inPeriod })}`);
      }
    }
  }
  for (const mode of LINE_MODES) {
    for (const part of chunks([...new Set(lineDaysOf[mode].map((d) => d.key))], KEYS_PER_STATEMENT)) {
      const lines = sql`"mode" = ${mode} AND "key" IN (${join(part)})`;
      await tx.$executeRaw(sql`DELETE FROM "SeriesBucket" WHERE "period" = 'all' AND ${lines}`);
      await tx.$executeRaw(sql`INSERT INTO "SeriesBucket" ${BUCKET_COLUMNS} ${wholeHistoryRows(LIVE, lines)}`);
    }
  }
}

/**
 * Fills empty rollup tables from every statement: days, then each line's weeks and months from
 * the days, then its whole history from its months. `daysWritten` and `periodsWritten` run once
 * those rows are in (the next level reads them).
 */
async function fillRollups(tx: RawTx, provider: Provider, t: RollupTables, steps: { daysWritten?: () => Promise<void>; periodsWritten?: () => Promise<void> } = {}): Promise<void> {
  // PostgreSQL's planner would hash the day groups (about half a million at a million
  // statements, spilling to disk); Statement_scoring_idx gives them in order already.
  if (provider === "postgresql") await tx.$executeRaw(sql`SET LOCAL enable_hashagg = off`);
  await tx.$executeRaw(sql`${seriesDayInsert(t)} WHERE "date" IS NOT NULL ${SERIES_DAY_GROUP}`);
  if (provider === "postgresql") await tx.$executeRaw(sql`RESET enable_hashagg`);
  await steps.daysWritten?.();
  for (const period of LONGER_PERIODS) {
    for (const mode of LINE_MODES) await tx.$executeRaw(sql`INSERT INTO ${t.bucket} ${BUCKET_COLUMNS} ${lineRowsFromDays(provider, mode, period, { table: t.day })}`);
  }
  await steps.periodsWritten?.();
  await tx.$executeRaw(sql`INSERT INTO ${t.bucket} ${BUCKET_COLUMNS} ${wholeHistoryRows(t, sql`1 = 1`)}`);
}

/**
 * SQLite: empties the rollup tables and drops their indexes inside the transaction (readers keep
 * their snapshot), fills them, and builds each table's indexes once the next level's source
 * rows are in: the next level reads them in index order.
 */
async function rebuildAllInPlace(tx: RawTx): Promise<void> {
  await tx.$executeRaw(sql`DELETE FROM "SeriesDay"`);
  await tx.$executeRaw(sql`DELETE FROM "SeriesBucket"`);
  const dayIndexes = await dropSqliteIndexes(tx, "SeriesDay");
  const bucketIndexes = await dropSqliteIndexes(tx, "SeriesBucket");
  const build = async (definitions: string[]) => {
    for (const definition of definitions) await tx.$executeRawUnsafe(definition);
  };
  await fillRollups(tx, "sqlite", LIVE, { daysWritten: () => build(dayIndexes), periodsWritten: () => build(bucketIndexes) });
}

const ROLLUP_TABLES = ["SeriesDay", "SeriesBucket"] as const;

/**
 * PostgreSQL: fills fresh copies of the rollup tables that have no index yet (maintaining the
 * covering indexes row by row costs most of a rebuild), indexes them, and swaps them in for the
 * old ones at the end. Readers keep reading the old tables until the swap, then wait for the
 * commit for the new ones. The copies get the old tables' names, sequences, primary key
 * and index names, so the schema is what the migrations built.
 */
async function rebuildAllAndSwap(tx: RawTx): Promise<void> {
  const indexes = await tx.$queryRaw<Array<{ table: string; name: string; definition: string; primary: boolean }>>(sql`
    SELECT CAST(t.relname AS TEXT) AS "table", CAST(i.relname AS TEXT) AS "name", pg_get_indexdef(x.indexrelid) AS "definition", x.indisprimary AS "primary"
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    WHERE t.relnamespace = CAST(current_schema() AS regnamespace) AND t.relname IN (${join([...ROLLUP_TABLES])})
    ORDER BY t.relname, i.relname`);
  const fresh = (table: string) => `${table}_rebuilt`;
  for (const table of ROLLUP_TABLES) {
    await tx.$executeRawUnsafe(`DROP TABLE IF EXISTS "${fresh(table)}"`);
    await tx.$executeRawUnsafe(`CREATE TABLE "${fresh(table)}" (LIKE "${table}" INCLUDING DEFAULTS)`);
  }
  await fillRollups(tx, "postgresql", { day: Prisma.raw(`"${fresh("SeriesDay")}"`), bucket: Prisma.raw(`"${fresh("SeriesBucket")}"`) });
  // Built under numbered names while the old tables still hold theirs; renamed after the swap.
  const temporary = indexes.map((index, i) => ({ ...index, temporary: `rollup_rebuilt_${i}` }));
  for (const index of temporary) {
    const method = index.definition.slice(index.definition.indexOf(" USING "));
    await tx.$executeRawUnsafe(`CREATE ${index.primary ? "UNIQUE " : ""}INDEX "${index.temporary}" ON "${fresh(index.table)}"${method}`);
  }
  for (const table of ROLLUP_TABLES) {
    const [{ sequence }] = await tx.$queryRaw<Array<{ sequence: string | null }>>(sql`SELECT pg_get_serial_sequence(${`"${table}"`}, 'id') AS "sequence"`);
    // The old table owns the id sequence that both tables' defaults draw from: dropping it would drop the sequence.
    if (sequence) await tx.$executeRawUnsafe(`ALTER SEQUENCE ${sequence} OWNED BY NONE`);
    await tx.$executeRawUnsafe(`DROP TABLE "${table}"`);
    await tx.$executeRawUnsafe(`ALTER TABLE "${fresh(table)}" RENAME TO "${table}"`);
    if (sequence) await tx.$executeRawUnsafe(`ALTER SEQUENCE ${sequence} OWNED BY "${table}"."id"`);
    for (const index of temporary.filter((i) => i.table === table)) {
      if (index.primary) await tx.$executeRawUnsafe(`ALTER TABLE "${table}" ADD CONSTRAINT "${index.name}" PRIMARY KEY USING INDEX "${index.temporary}"`);
      else await tx.$executeRawUnsafe(`ALTER INDEX "${index.temporary}" RENAME TO "${index.name}"`);
    }
  }
}

/**
 * A VALUES list of rows: both databases name its columns column1, column2, …. Matching a list
 * of keys as rows (instead of an OR of ANDs, or an IN per column) lets each row be one index
 * seek: with an IN per column SQLite seeks every combination of the values.
 */
function valuesList(rows: unknown[][]): Prisma.Sql {
  return sql`(${valuesRows(rows)})`;
}

function valuesRows(rows: unknown[][]): Prisma.Sql {
  return sql`VALUES ${join(rows.map((row) => sql`(${join(row)})`))}`;
}

/** Whether a row of columns is one of `rows`. */
export function rowIn(columns: string[], rows: unknown[][]): Prisma.Sql {
  return sql`(${Prisma.raw(columns.map((c) => `"${c}"`).join(", "))}) IN ${valuesList(rows)}`;
}
