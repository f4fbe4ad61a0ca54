// Read side of the dashboard: filters → SQL, aggregated in the database. The same
// SQL runs on SQLite and PostgreSQL (Prisma renders the placeholders per provider);
// only portable functions are used (AVG, COUNT, window ROW_NUMBER and RANK, LOWER, SUBSTR).
import { providerOf, type Db } from "../store/client";
import { Prisma } from "../generated/prisma/sqlite/client";
import { emptyFilters, type Filters, type Resolution, type TableOptions } from "./filters";
import { contributionsOf, explainContributions, strongestEvidence, type ExplainedContribution } from "../score/explain";
import { speakerKey } from "../ingest/merge";
import { autoResolution, round2, shortQuote, type PointQuote, type SeriesInfo, type SeriesPoint } from "./series";
import { combinedLineColumns, lineDaysFrom, lineKeyOfDay, lineKeyValues, lineRowsFromDays, monthStartSql, onListedLine, rowIn, SCORED_STATEMENTS, weekStartSql } from "../store/rollups";
import { toRange } from "../store/rows";
import { weightSetsByVersion } from "../store/weight-sets";
import type { DateRange, Features, ISODate, Label, RuleHit, WeightSet } from "../core/types";
import { DYAD_SEPARATOR, dyadLabel, dyadOfKey, dyadParam, type Dyad } from "../core/dyad";
import { addDays, nextPeriod, wholePeriods } from "../core/days";

const sql = Prisma.sql;
const join = Prisma.join;

/** Quotes shown per data point in the chart's tooltip. */
export const QUOTES_PER_POINT = 3;
const QUOTE_CHARS = 160;

/** The SQL expression naming a statement's series. */
function seriesKey(filters: Filters): Prisma.Sql {
  return sql`(${lineKeyOfDay(filters.by)})`;
}

/** Rows of any of the dyads (countries matched case-insensitively). */
function dyadsSql(dyads: Filters["dyads"]): Prisma.Sql {
  const pairs = dyads.map((d) => sql`(LOWER("speakerCountry") = ${d.country.toLowerCase()} AND LOWER("target") = ${d.target.toLowerCase()})`);
  return sql`(${join(pairs, " OR ")})`;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * WHERE conditions for `filters`. `charted` selects what the chart plots: statements
 * dated to the day that belong to a series (a known speaker, or both countries of a
 * dyad). Otherwise statements known only to a day range match when the range overlaps.
 */
export function whereSql(filters: Filters, options: { charted: boolean }): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.speakers.length) {
    conditions.push(sql`"speakerKey" IN (${join(filters.speakers.map(speakerKey))})`);
  }
  if (filters.dyads.length) conditions.push(dyadsSql(filters.dyads));
  if (filters.labels.length) conditions.push(sql`"label" IN (${join(filters.labels)})`);
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q.toLowerCase())}%`;
    const columns = [sql`"text"`, sql`"context"`, sql`COALESCE("speaker", '')`, sql`COALESCE("target", '')`];
    conditions.push(sql`(${join(columns.map((c) => sql`LOWER(${c}) LIKE ${pattern} ESCAPE '\\'`), " OR ")})`);
  }
  if (options.charted) {
    conditions.push(sql`"date" IS NOT NULL`);
    if (filters.from) conditions.push(sql`"date" >= ${filters.from}`);
    if (filters.to) conditions.push(sql`"date" <= ${filters.to}`);
    conditions.push(filters.by === "dyad" ? sql`"speakerCountry" IS NOT NULL AND "target" IS NOT NULL` : sql`"speakerKey" <> ''`);
  } else if (filters.from || filters.to) {
    const lower = filters.from ?? "0000-01-01";
    const upper = filters.to ?? "9999-12-31";
    conditions.push(
      sql`(("date" >= ${lower} AND "date" <= ${upper}) OR ("date" IS NULL AND "dateTo" >= ${lower} AND "dateFrom" <= ${upper}))`,
    );
  }
  return conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : Prisma.empty;
}

/**
 * The statements for a query that reads no score: joined to their scores only when a label
 * filter needs them (a join would cost every row a lookup, and would keep a count from reading
 * one index alone).
 */
function statementsFor(filters: Filters): Prisma.Sql {
  return filters.labels.length > 0 ? SCORED_STATEMENTS : sql`"Statement"`;
}

/**
 * Statements with their scores, read in the order of one of Statement's own indexes (see
 * readsAnIndex): the unary plus keeps SQLite from starting at the pairs of a filtered label and
 * sorting all their statements, so that it reads the order's index and stops at the page's end.
 */
const SCORED_IN_STATEMENT_ORDER = sql`"Statement" JOIN "Scoring" ON "Scoring"."scoringId" = +"Statement"."scoringId"`;

/** Where the table or the export reads its statements from, for an order and whether it reads scores. */
function statementsInOrder(filters: Filters, table: Pick<TableOptions, "sort" | "dir">, readsScores: boolean): Prisma.Sql {
  if (table.sort === "score") return SCORED_STATEMENTS;
  if (!readsScores && filters.labels.length === 0) return sql`"Statement"`;
  return readsAnIndex(table) ? SCORED_IN_STATEMENT_ORDER : SCORED_STATEMENTS;
}

/** A WHERE clause (of whereSql) with one more condition. */
function whereAnd(where: Prisma.Sql, condition: Prisma.Sql): Prisma.Sql {
  return where === Prisma.empty ? sql`WHERE ${condition}` : sql`${where} AND ${condition}`;
}

const num = (v: unknown): number => (typeof v === "bigint" ? Number(v) : Number(v ?? 0));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** JSON columns come back parsed from PostgreSQL and as text from SQLite. */
const parseJson = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;

export interface SeriesResult {
  series: SeriesInfo[];
  points: SeriesPoint[];
  /** Series matching the filters but beyond `top`. */
  omittedSeries: number;
  /** Statements behind the plotted points. */
  chartedStatements: number;
  /** How long one point is (filters.resolution, with "auto" resolved). */
  resolution: Resolution;
}

/** The first day of the period holding a YYYY-MM-DD column or expression, in the store's SQL. */
export function periodStartSql(db: Db, day: Prisma.Sql, resolution: Resolution): Prisma.Sql {
  if (resolution === "day") return day;
  if (resolution === "month") return monthStartSql(day);
  return weekStartSql(providerOf(db), day);
}

type ChartSource = "lines" | "days" | "statements";

/**
 * Where the chart's numbers come from, the cheapest that can answer the filters (all give the
 * same numbers): the per-line rollup unless a filter cuts across lines (a speaker filter on dyad
 * lines, a dyad filter on speaker lines), the per-day rollup unless a filter looks inside
 * statements (label, text), and otherwise the statements themselves.
 */
function chartSourceOf(filters: Filters): ChartSource {
  if (filters.labels.length > 0 || filters.q) return "statements";
  const crossing = filters.by === "dyad" ? filters.speakers.length > 0 : filters.dyads.length > 0;
  return crossing ? "days" : "lines";
}

const LINE_COLUMNS = {
  ranking: sql`"key", "speaker", "statements"`,
  all: sql`"mode", "key", "start", "speaker", "speakerKey", "speakers", "speakerCountry", "countries", "target", "targets", "statements", "scoreSum", "scoreMin", "scoreMax"`,
};

/** Conditions on SeriesDay for the filters' lines (those of `keys` when given) and the days from `from` to `to`. */
function lineDayConditions(filters: Filters, keys: string[] | undefined, from: string | null, to: string | null): Prisma.Sql | undefined {
  const conditions: Prisma.Sql[] = [];
  if (keys) {
    conditions.push(
      filters.by === "dyad" ? rowIn(["speakerCountry", "target"], keys.map((key) => lineKeyValues("dyad", key))) : sql`"speakerKey" IN (${join(keys)})`,
    );
  }
  if (filters.speakers.length) conditions.push(sql`"speakerKey" IN (${join(filters.speakers.map(speakerKey))})`);
  if (filters.dyads.length) conditions.push(dyadsSql(filters.dyads));
  if (from) conditions.push(sql`"date" >= ${from}`);
  if (to) conditions.push(sql`"date" <= ${to}`);
  return conditions.length ? join(conditions, " AND ") : undefined;
}

/**
 * The first and last day of the lines of `keys` under the filters: each line's ends are one
 * seek of its covering SeriesDay index (a MIN and MAX over all their days read them all).
 */
function lineSpanSql(filters: Filters, keys: string[]): Prisma.Sql {
  const others = lineDayConditions(filters, undefined, filters.from, filters.to);
  const onLine = onListedLine(filters.by);
  const days = lineDaysFrom(filters.by, { condition: others ? sql`${onLine} AND ${others}` : onLine });
  const lines = keys.map((key) => sql`(${join(lineKeyValues(filters.by, key))})`);
  return sql`SELECT MIN("first") AS "first", MAX("last") AS "last" FROM (
    SELECT (SELECT MIN("date") ${days}) AS "first", (SELECT MAX("date") ${days}) AS "last"
    FROM (VALUES ${join(lines)}) AS m) "ends"`;
}

/**
 * The chart's lines' rows for the filters: days (summed from SeriesDay), or the whole weeks or
 * months of the date range (SeriesBucket) and the days around them, or ("all") each line's whole
 * history when no date range is set and months otherwise. Each period is its own SELECT so that
 * each reads one index range.
 */
function lineRowsSql(db: Db, filters: Filters, longest: Resolution | "all", options: { columns: keyof typeof LINE_COLUMNS; keys?: string[] }): Prisma.Sql {
  const mode = filters.by;
  const periods: Prisma.Sql[] = [sql`"mode" = ${mode}`];
  if (options.keys) periods.push(sql`"key" IN (${join(options.keys)})`);
  if (filters.speakers.length) periods.push(sql`"key" IN (${join(filters.speakers.map(speakerKey))})`);
  if (filters.dyads.length) periods.push(dyadsSql(filters.dyads));
  const select = (period: Resolution | "all", from: string | null, to: string | null) => {
    if (period === "day") {
      const days = { condition: lineDayConditions(filters, options.keys, from, to) };
      // Ranking sums whole lines: the days need no grouping of their own.
      if (options.columns === "ranking") return sql`SELECT ${lineKeyOfDay(mode)} AS "key", "speaker", "statements" ${lineDaysFrom(mode, days)}`;
      return sql`SELECT ${LINE_COLUMNS[options.columns]} FROM (${lineRowsFromDays(providerOf(db), mode, "day", days)}) "days"`;
    }
    const range = [...(from ? [sql`"start" >= ${from}`] : []), ...(to ? [sql`"start" <= ${to}`] : [])];
    return sql`SELECT ${LINE_COLUMNS[options.columns]} FROM "SeriesBucket" WHERE ${join([...periods, sql`"period" = ${period}`, ...range], " AND ")}`;
  };
  if (longest === "all") {
    if (!filters.from && !filters.to) return sql`FROM (${select("all", null, null)}) "lines"`;
    longest = "month";
  }
  const whole = longest === "day" ? null : wholePeriods(filters.from, filters.to, longest);
  if (!whole) return sql`FROM (${select("day", filters.from, filters.to)}) "lines"`;
  const parts = [select(longest, whole.first, whole.last)];
  if (whole.first && filters.from && filters.from < whole.first) parts.push(select("day", filters.from, addDays(whole.first, -1)));
  const afterLast = whole.last ? nextPeriod(whole.last, longest) : null;
  if (afterLast && filters.to && filters.to >= afterLast) parts.push(select("day", afterLast, filters.to));
  return sql`FROM (${join(parts, " UNION ALL ")}) "lines"`;
}

/** The busiest `filters.top` series and their mean scores per day, week or month. */
export async function querySeries(db: Db, filters: Filters): Promise<SeriesResult> {
  const source = chartSourceOf(filters);
  const key = source === "lines" ? sql`"key"` : seriesKey(filters);
  const where = whereSql(filters, { charted: true });
  const table = source === "statements" ? SCORED_STATEMENTS : sql`"SeriesDay"`;
  const count = source === "statements" ? sql`COUNT(*)` : sql`SUM("statements")`;
  // Ranking counts statements only; a series' points are counted from the points below.
  const ranked = await db.$queryRaw<Array<{ key: string; speaker: string | null; n: unknown }>>(
    source === "lines"
      ? sql`SELECT "key", MAX("speaker") AS "speaker", SUM("statements") AS "n" ${lineRowsSql(db, filters, "all", { columns: "ranking" })}
          GROUP BY "key" ORDER BY SUM("statements") DESC, "key" ASC`
      : sql`SELECT ${key} AS "key", MAX("speaker") AS "speaker", ${count} AS "n" FROM ${table} ${where}
          GROUP BY ${key} ORDER BY ${count} DESC, ${key} ASC`,
  );
  const top = ranked.slice(0, filters.top);
  const series: SeriesInfo[] = top.map((r) => ({
    key: r.key,
    label: filters.by === "dyad" ? dyadLabelOf(r.key) : (r.speaker ?? r.key),
    statements: num(r.n),
    days: 0,
  }));
  const requested = filters.resolution === "auto" ? null : filters.resolution;
  if (series.length === 0) return { series, points: [], omittedSeries: 0, chartedStatements: 0, resolution: requested ?? "day" };
  const topKeys = series.map((s) => s.key);
  const keys = join(topKeys);

  let resolution = requested;
  if (!resolution) {
    const [span] = await db.$queryRaw<Array<{ first: string | null; last: string | null }>>(
      source === "lines"
        ? lineSpanSql(filters, topKeys)
        : sql`SELECT MIN("date") AS "first", MAX("date") AS "last" FROM ${table} ${where} AND ${key} IN (${keys})`,
    );
    resolution = autoResolution(span?.first ?? null, span?.last ?? null);
  }

  let rows: Array<Record<string, unknown>>;
  if (source === "lines") {
    const lineRows = lineRowsSql(db, filters, resolution, { columns: "all", keys: topKeys });
    if (!filters.from && !filters.to) {
      // Without a date range every row read is a whole period's, dated by its first day, and
      // already holds the only speaker, country and target or null: it is the point as stored,
      // read in index order (sorting or grouping the rows would cost more than reading them).
      rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
        SELECT "start" AS "date", "key" AS "series", "speaker", "speakerCountry", "target",
          "scoreSum" / "statements" AS "index", "statements", "scoreMin" AS "min", "scoreMax" AS "max"
        ${lineRows}`);
    } else {
      const period = periodStartSql(db, sql`"start"`, resolution);
      const c = combinedLineColumns();
      rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
        SELECT ${period} AS "date", "key" AS "series", ${c.speaker} AS "speaker", ${c.country.value} AS "speakerCountry", ${c.target.value} AS "target",
          SUM("scoreSum") / SUM("statements") AS "index", SUM("statements") AS "statements", MIN("scoreMin") AS "min", MAX("scoreMax") AS "max"
        ${lineRows}
        GROUP BY "key", ${period}`);
    }
  } else {
    const period = periodStartSql(db, sql`"date"`, resolution);
    const values =
      source === "statements"
        ? { index: sql`AVG("score")`, min: sql`MIN("score")`, max: sql`MAX("score")` }
        : { index: sql`SUM("scoreSum") / SUM("statements")`, min: sql`MIN("scoreMin")`, max: sql`MAX("scoreMax")` };
    rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
      SELECT ${period} AS "date", ${key} AS "series",
        CASE WHEN COUNT(DISTINCT "speakerKey") = 1 THEN MAX("speaker") END AS "speaker",
        CASE WHEN COUNT(DISTINCT "speakerCountry") = 1 THEN MAX("speakerCountry") END AS "speakerCountry",
        CASE WHEN COUNT(DISTINCT "target") = 1 THEN MAX("target") END AS "target",
        ${values.index} AS "index", ${count} AS "statements", ${values.min} AS "min", ${values.max} AS "max"
      FROM ${table} ${where} AND ${key} IN (${keys})
      GROUP BY ${period}, ${key}`);
  }
  const points: SeriesPoint[] = rows.map((r) => ({
    date: String(r.date),
    series: String(r.series),
    speaker: str(r.speaker),
    speakerCountry: str(r.speakerCountry),
    target: str(r.target),
    index: round2(num(r.index)),
    statements: num(r.statements),
    min: num(r.min),
    max: num(r.max),
  }));
  // In the app, not in SQL: the rollup's rows come in index order, and a few thousand points sort in no time.
  points.sort(byDateThenSeries);
  const pointsPerSeries = new Map<string, number>();
  for (const p of points) pointsPerSeries.set(p.series, (pointsPerSeries.get(p.series) ?? 0) + 1);
  for (const info of series) info.days = pointsPerSeries.get(info.key) ?? 0;
  return {
    series,
    points,
    omittedSeries: ranked.length - top.length,
    chartedStatements: series.reduce((sum, s) => sum + s.statements, 0),
    resolution,
  };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byDateThenSeries = (a: SeriesPoint, b: SeriesPoint) => compareText(a.date, b.date) || compareText(a.series, b.series);

function dyadLabelOf(key: string): string {
  return dyadLabel(dyadOfKey(key));
}

/**
 * Statements singled out for the chart, ranked by distance from neutral:
 * - `per: "extreme"`: per series, its most hostile and its most conciliatory statement
 *   (neutral ones are never singled out)
 *   (the two ends of its swing; among equals the most widely reported, then the latest);
 * - `per: "point"`: per data point, the strongest few (the tooltip's quotes).
 */
export async function queryPointQuotes(db: Db, filters: Filters, seriesKeys: string[], per: "extreme" | "point", resolution: Resolution): Promise<PointQuote[]> {
  if (seriesKeys.length === 0) return [];
  const key = seriesKey(filters);
  // A quote is dated by the point it belongs to: the first day of its period.
  const period = periodStartSql(db, sql`"date"`, resolution);
  const charted = sql`FROM ${SCORED_STATEMENTS} ${whereSql(filters, { charted: true })} AND ${key} IN (${join(seriesKeys)})`;
  const columns = sql`"id", "series", "date", "score", "label", SUBSTR("text", 1, ${QUOTE_CHARS + 1}) AS "text", "features", "weightVersion"`;
  let rows: Array<Record<string, unknown>>;
  if (per === "point") {
    rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
      SELECT ${columns} FROM (
        SELECT "id", ${key} AS "series", ${period} AS "date", "score", "label", "text", "features", "weightVersion",
          ROW_NUMBER() OVER (PARTITION BY ${key}, ${period} ORDER BY ABS("score") DESC, "id" ASC) AS "rank"
        ${charted}
      ) ranked
      WHERE "rank" <= ${QUOTES_PER_POINT}
      ORDER BY "series", "date", "score"`);
  } else {
    // Reports are counted only for the statements tied at their side's greatest distance from
    // neutral: counting them for every statement of the series cost most of the query.
    rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
      SELECT ${columns} FROM (
        SELECT "id", "series", "date", "score", "label", "text", "features", "weightVersion",
          ROW_NUMBER() OVER (PARTITION BY "series", "side" ORDER BY (SELECT COUNT(*) FROM "StatementSource" ss WHERE ss."statementId" = "strongest"."id") DESC, "day" DESC, "id" ASC) AS "rank"
        FROM (
          SELECT "id", "series", "date", "day", "score", "label", "text", "features", "weightVersion", "side",
            RANK() OVER (PARTITION BY "series", "side" ORDER BY ABS("score") DESC) AS "strength"
          FROM (
            SELECT "id", ${key} AS "series", ${period} AS "date", "date" AS "day", "score", "label", "text", "features", "weightVersion",
              CASE WHEN "score" < 0 THEN 0 ELSE 1 END AS "side"
            ${charted} AND "label" <> 'neutral'
          ) sided
        ) "strongest"
        WHERE "strength" = 1
      ) ranked
      WHERE "rank" = 1
      ORDER BY "series", "date", "score"`);
  }
  const weights = await weightSetsByVersion(db);
  return rows.map((r) => {
    const text = String(r.text);
    const clipped = text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS).trimEnd()}…` : text;
    const features = parseJson<Features>(r.features);
    const evidence = strongestEvidence(contributionsOf(features, weights, num(r.weightVersion)), features);
    return {
      id: String(r.id),
      series: String(r.series),
      date: String(r.date),
      score: num(r.score),
      label: String(r.label) as Label,
      text: clipped,
      short: shortQuote(text, evidence),
    };
  });
}

// ---------------------------------------------------------------------------
// Statements (the explorer table, /api/statements and the statements CSV)

export interface SourceView {
  quote: string;
  context: string;
  dateRange: DateRange | null;
  article: { title: string; source: string | null; url: string | null; published: ISODate | null; path: string };
}

export interface StatementView {
  id: string;
  date: ISODate | null;
  dateRange: DateRange | null;
  speaker: string | null;
  speakerCountry: string | null;
  target: string | null;
  text: string;
  context: string;
  score: number;
  label: Label;
  cameo: string | null;
  weightVersion: number;
  contributions: ExplainedContribution[];
  evidence: RuleHit[];
  sources: SourceView[];
}

interface SortTerm {
  expr: Prisma.Sql;
  dir: "ASC" | "DESC";
  /** A column of the statement's Scoring row: these terms come first, and Scoring's index holds them. */
  ofPair?: boolean;
}

/**
 * The statement table's order as terms that are never NULL and end with the id, so that the
 * order is total and a page can continue after the last row of the previous one (keyset).
 * A statement known only to a range sorts by its range's end; unknown days go last either way.
 * Where the order is one column and the id, the id runs in the same direction, so that both
 * databases read the (column, id) index forwards or backwards instead of sorting every row.
 * Scores are their pairs' (Scoring): equal scores go by pair, then by id, which is the order of
 * reading Scoring's score index and each pair's statements by Statement's (scoringId, id) index.
 */
function sortTerms(table: Pick<TableOptions, "sort" | "dir">): SortTerm[] {
  const dir = table.dir === "asc" ? "ASC" : "DESC";
  const id: SortTerm = { expr: sql`"id"`, dir: "ASC" };
  switch (table.sort) {
    case "score":
      return [{ expr: sql`"score"`, dir, ofPair: true }, { expr: sql`"Scoring"."scoringId"`, dir, ofPair: true }, { expr: sql`"id"`, dir }];
    case "speaker":
      return [{ expr: sql`CASE WHEN "speakerKey" = '' THEN 1 ELSE 0 END`, dir: "ASC" }, { expr: sql`"speakerKey"`, dir }, { expr: sql`"sortDay"`, dir: "DESC" }, id];
    case "sources":
      return [{ expr: sql`(SELECT COUNT(*) FROM "StatementSource" ss WHERE ss."statementId" = "Statement"."id")`, dir }, id];
    case "date":
      // "" (unknown) is the smallest day: last in descending order without a flag column.
      return dir === "DESC" ? [{ expr: sql`"sortDay"`, dir }, { expr: sql`"id"`, dir }] : [{ expr: sql`CASE WHEN "sortDay" = '' THEN 1 ELSE 0 END`, dir: "ASC" }, { expr: sql`"sortDay"`, dir }, id];
  }
}

function orderSql(terms: SortTerm[]): Prisma.Sql {
  return join(terms.map((t) => sql`${t.expr} ${Prisma.raw(t.dir)}`), ", ");
}

/** Rows strictly after `last` (the previous page's last sort values) in the order of `terms`. */
function afterSql(terms: SortTerm[], last: unknown[]): Prisma.Sql {
  // Terms in one direction compare as one row value, which both databases answer with a range
  // of the matching index; an OR of alternatives makes them filter or sort every row.
  if (terms.every((term) => term.dir === terms[0].dir)) {
    const beyond = terms[0].dir === "ASC" ? ">" : "<";
    const row = (from: number, to?: number) => sql`(${join(terms.slice(from, to).map((t) => t.expr))})`;
    const pairTerms = terms.filter((t) => t.ofPair).length;
    if (pairTerms === 0) return sql`${row(0)} ${Prisma.raw(beyond)} (${join(last)})`;
    // Terms of two tables compare as a row value each, so that each reads a range of its own
    // index: Scoring's from the last row's pair on, and that pair's statements after the last
    // row. One row value over both would make every page read the statements of every pair before.
    const pair = row(0, pairTerms);
    const pairValues = sql`(${join(last.slice(0, pairTerms))})`;
    return sql`${pair} ${Prisma.raw(`${beyond}=`)} ${pairValues} AND (${pair} ${Prisma.raw(beyond)} ${pairValues} OR ${row(pairTerms)} ${Prisma.raw(beyond)} (${join(last.slice(pairTerms))}))`;
  }
  const alternatives = terms.map((term, i) => {
    const equal = terms.slice(0, i).map((t, j) => sql`${t.expr} = ${last[j]}`);
    const beyond = sql`${term.expr} ${Prisma.raw(term.dir === "ASC" ? ">" : "<")} ${last[i]}`;
    return sql`(${join([...equal, beyond], " AND ")})`;
  });
  return sql`(${join(alternatives, " OR ")})`;
}

export async function countStatements(db: Db, filters: Filters): Promise<number> {
  const where = whereSql(filters, { charted: false });
  // Unfiltered, the total kept by the store's triggers: counting a million rows costs
  // PostgreSQL about 55 ms of CPU per table page.
  const [row] = await db.$queryRaw<Array<{ n: unknown }>>(
    where === Prisma.empty ? sql`SELECT SUM("statements") AS "n" FROM "StatementCount"` : sql`SELECT COUNT(*) AS "n" FROM ${statementsFor(filters)} ${where}`,
  );
  return num(row?.n);
}

/** What the table and the export show of a statement row: its columns, and its features explained. */
function explainedRow(row: Record<string, unknown>, weights: Map<number, WeightSet>) {
  const features = parseJson<Features>(row.features);
  const weightVersion = num(row.weightVersion);
  return {
    features,
    row: {
      id: String(row.id),
      date: str(row.date),
      dateRange: rangeOf(row),
      speaker: str(row.speaker),
      speakerCountry: str(row.speakerCountry),
      target: str(row.target),
      text: String(row.text),
      score: num(row.score),
      label: String(row.label) as Label,
      cameo: str(row.cameo),
      weightVersion,
      contributions: explainContributions(contributionsOf(features, weights, weightVersion), features),
    },
  };
}

/** A statement with its sources and explanation, from the rows of viewsOf's two queries. */
function toView(row: Record<string, unknown>, sources: SourceView[], weights: Map<number, WeightSet>): StatementView {
  const explained = explainedRow(row, weights);
  return { ...explained.row, context: String(row.context), evidence: explained.features.hits, sources };
}

function rangeOf(row: Record<string, unknown>): DateRange | null {
  return toRange(str(row.dateFrom), str(row.dateTo));
}

/** The ids of one page of the filtered statements, in table order. */
export function statementPageSql(filters: Filters, table: TableOptions): Prisma.Sql {
  return sql`SELECT "id" FROM ${statementsInOrder(filters, table, false)} ${whereSql(filters, { charted: false })}
    ORDER BY ${orderSql(sortTerms(table))}
    LIMIT ${table.limit} OFFSET ${table.offset}`;
}

/** One page of the filtered statements, in table order, with their sources and explanations. */
export async function queryStatements(db: Db, filters: Filters, table: TableOptions): Promise<{ total: number; rows: StatementView[] }> {
  const [total, ids] = await Promise.all([countStatements(db, filters), db.$queryRaw<Array<{ id: string }>>(statementPageSql(filters, table))]);
  return { total, rows: await viewsOf(db, ids.map((r) => r.id)) };
}

/**
 * Statements with their sources and explanations, in the order of `ids`. Raw SQL: the ORM's
 * include plans and maps a nested query per call, which cost a table page several times what
 * reading its rows does.
 */
async function viewsOf(db: Db, ids: string[]): Promise<StatementView[]> {
  if (ids.length === 0) return [];
  const [rows, sourceRows, weights] = await Promise.all([
    db.$queryRaw<Array<Record<string, unknown>>>(sql`
      SELECT "id", "date", "dateFrom", "dateTo", "speaker", "speakerCountry", "target", "text", "context", "score", "label", "cameo", "weightVersion", "features"
      FROM ${SCORED_STATEMENTS} WHERE "id" IN (${join(ids)})`),
    db.$queryRaw<Array<Record<string, unknown>>>(sql`
      SELECT s."statementId", s."quote", s."context", s."dateFrom", s."dateTo", a."title", a."source", a."url", a."published", a."path"
      FROM "StatementSource" s JOIN "Article" a ON a."id" = s."articleId"
      WHERE s."statementId" IN (${join(ids)}) ORDER BY s."id"`),
    weightSetsByVersion(db),
  ]);
  const sourcesOf = new Map<string, SourceView[]>();
  for (const r of sourceRows) {
    const source: SourceView = {
      quote: String(r.quote),
      context: String(r.context),
      dateRange: rangeOf(r),
      article: { title: String(r.title), source: str(r.source), url: str(r.url), published: str(r.published), path: String(r.path) },
    };
    const list = sourcesOf.get(String(r.statementId));
    if (list) list.push(source);
    else sourcesOf.set(String(r.statementId), [source]);
  }
  const byId = new Map(rows.map((row) => [String(row.id), row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toView(row, sourcesOf.get(id) ?? [], weights)] : [];
  });
}

/** A statement as the CSV export writes it: the table's columns, its explanation and how many reports it has. */
export type StatementExportRow = Pick<
  StatementView,
  "id" | "date" | "dateRange" | "speaker" | "speakerCountry" | "target" | "text" | "score" | "label" | "cameo" | "weightVersion" | "contributions"
> & { sourceCount: number };

/** Whether an index holds the table's order (see sortTerms), so that a page reads just its rows. */
function readsAnIndex(table: Pick<TableOptions, "sort" | "dir">): boolean {
  return table.sort === "score" || (table.sort === "date" && table.dir === "desc");
}

/**
 * Rows per export page. In an order that an index holds, a page reads just its rows. In the
 * others, each page sorts every row after the previous page's last (about a second at a
 * million), so they take pages ten times larger: ten times fewer sorts, for a few more
 * megabytes held at once.
 */
function exportPageSize(table: Pick<TableOptions, "sort" | "dir">): number {
  return readsAnIndex(table) ? 1000 : 10_000;
}

/**
 * Every filtered statement in table order, a page at a time (for streaming exports). Each page
 * continues after the previous one's last sort values (keyset), so a page costs the same at row
 * one million as at row one, and rows stored meanwhile neither repeat nor shift others out.
 * One query per page reads just what the CSV writes (reports counted, not loaded), so that a
 * page leaves little garbage behind and the server's memory stays flat.
 */
export async function* iterateStatements(db: Db, filters: Filters, table: Omit<TableOptions, "limit" | "offset">, pageSize = exportPageSize(table)): AsyncGenerator<StatementExportRow[]> {
  const terms = sortTerms(table);
  const keys = join(terms.map((t, i) => sql`${t.expr} AS ${Prisma.raw(`"k${i}"`)}`), ", ");
  const where = whereSql(filters, { charted: false });
  const weights = await weightSetsByVersion(db);
  let last: unknown[] | null = null;
  for (;;) {
    const after: Prisma.Sql = last ? whereAnd(where, afterSql(terms, last)) : where;
    const page: Array<Record<string, unknown>> = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
      SELECT ${keys}, "id", "date", "dateFrom", "dateTo", "speaker", "speakerCountry", "target", "text", "score", "label", "cameo", "weightVersion", "features",
        (SELECT COUNT(*) FROM "StatementSource" ss WHERE ss."statementId" = "Statement"."id") AS "sourceCount"
      FROM ${statementsInOrder(filters, table, true)} ${after}
      ORDER BY ${orderSql(terms)}
      LIMIT ${pageSize}`);
    if (page.length === 0) return;
    yield page.map((r) => ({ ...explainedRow(r, weights).row, sourceCount: num(r.sourceCount) }));
    if (page.length < pageSize) return;
    const final: Record<string, unknown> = page[page.length - 1];
    last = terms.map((_, i) => final[`k${i}`]);
  }
}

// ---------------------------------------------------------------------------
// Choices offered by the filter form

export interface FilterChoices {
  speakers: Array<{ name: string; statements: number }>;
  dyads: Array<{ country: string; target: string; statements: number }>;
  firstDate: ISODate | null;
  lastDate: ISODate | null;
  statements: number;
}

/**
 * Speakers and dyads in the store, busiest first, with the span of known dates. Read from the
 * chart's whole-history rows (dated statements) plus the statements without a day, which the
 * scoring index lists together at its start: counting every statement per speaker would cost
 * seconds at a million, the dashboard's every load.
 */
export async function filterChoices(db: Db, limit = 200): Promise<FilterChoices> {
  const [lines, undated, dated, statements] = await Promise.all([
    db.$queryRaw<Array<{ mode: string; key: string; speaker: string | null; n: unknown }>>(sql`
      SELECT "mode", "key", "speaker", "statements" AS "n" FROM "SeriesBucket" WHERE "mode" IN ('speaker', 'dyad') AND "period" = 'all'`),
    db.$queryRaw<Array<{ speakerKey: string; speaker: string | null; speakerCountry: string | null; target: string | null; first: string | null; last: string | null; n: unknown }>>(sql`
      SELECT "speakerKey", MAX("speaker") AS "speaker", "speakerCountry", "target", MIN("dateFrom") AS "first", MAX("dateTo") AS "last", COUNT(*) AS "n"
      FROM "Statement" WHERE "date" IS NULL GROUP BY "speakerKey", "speakerCountry", "target"`),
    // One subquery per end: each is a single seek of the day index.
    db.$queryRaw<Array<{ first: string | null; last: string | null }>>(sql`
      SELECT (SELECT MIN("date") FROM "Statement") AS "first", (SELECT MAX("date") FROM "Statement") AS "last"`),
    countStatements(db, emptyFilters()),
  ]);
  const speakers = new Tally();
  const dyads = new Tally();
  for (const line of lines) (line.mode === "speaker" ? speakers : dyads).add(line.key, line.speaker, num(line.n));
  for (const group of undated) {
    if (group.speakerKey !== "") speakers.add(group.speakerKey, group.speaker, num(group.n));
    if (group.speakerCountry !== null && group.target !== null) dyads.add(dyadParam({ country: group.speakerCountry, target: group.target }), null, num(group.n));
  }
  const days = [dated[0]?.first, dated[0]?.last, ...undated.flatMap((g) => [g.first, g.last])].filter((day): day is string => typeof day === "string");
  return {
    speakers: speakers.busiest(limit).map((s) => ({ name: s.name ?? s.key, statements: s.count })),
    dyads: dyads
      .busiest(limit, (a, b) => {
        const [x, y] = [dyadOfKey(a), dyadOfKey(b)];
        return compareText(x.country, y.country) || compareText(x.target, y.target);
      })
      .map((d) => ({ ...dyadOfKey(d.key), statements: d.count })),
    firstDate: days.length ? days.reduce((a, b) => (b < a ? b : a)) : null,
    lastDate: days.length ? days.reduce((a, b) => (b > a ? b : a)) : null,
    statements,
  };
}

/** Counts per key with the greatest name seen (as MAX() picks it); busiest first, then by key. */
class Tally {
  private readonly entries = new Map<string, { key: string; name: string | null; count: number }>();

  add(key: string, name: string | null, count: number): void {
    const entry = this.entries.get(key);
    if (!entry) this.entries.set(key, { key, name, count });
    else {
      entry.count += count;
      if (name !== null && (entry.name === null || name > entry.name)) entry.name = name;
    }
  }

  busiest(limit: number, compareKeys: (a: string, b: string) => number = compareText) {
    return [...this.entries.values()].sort((a, b) => b.count - a.count || compareKeys(a.key, b.key)).slice(0, limit);
  }
}

// ---------------------------------------------------------------------------
// What re-scoring needs: stored features, never the text's NLP

/**
 * Statements counted by what scoring reads: a score is a pure function of the lexicon value
 * and the rule hits (Scoring.ruleValues), so an admin preview scores each distinct pair
 * once however many statements share it, and its memory follows the pairs, not the store.
 */
export interface ScoringGroup {
  lexicon: number;
  ruleValues: string;
  /** The label the statements have now. */
  label: Label;
  statements: number;
}

/** A ScoringGroup of one series and day: what the chart's points are rebuilt from. */
export interface ScoringDay {
  series: string;
  date: ISODate;
  lexicon: number;
  ruleValues: string;
  statements: number;
}

/** The filtered statements counted by lexicon value, rule hits and current label. */
export async function queryScoringGroups(db: Db, filters: Filters): Promise<ScoringGroup[]> {
  // Counted per pair in Statement's covering index, then joined to the few pairs.
  const rows = await db.$queryRaw<Array<{ lexicon: unknown; ruleValues: string; label: string; n: unknown }>>(sql`
    SELECT p."lexicon", p."ruleValues", p."label", g."n"
    FROM (SELECT "Statement"."scoringId" AS "pair", COUNT(*) AS "n" FROM ${statementsFor(filters)} ${whereSql(filters, { charted: false })} GROUP BY "Statement"."scoringId") g
    JOIN "Scoring" p ON p."scoringId" = g."pair"`);
  return rows.map((r) => ({ lexicon: num(r.lexicon), ruleValues: r.ruleValues, label: r.label as Label, statements: num(r.n) }));
}

/** The filtered statements of the given series, counted per series, day, lexicon value and rule hits. */
export async function queryScoringDays(db: Db, filters: Filters, seriesKeys: string[]): Promise<ScoringDay[]> {
  if (seriesKeys.length === 0) return [];
  const key = seriesKey(filters);
  const rows = await db.$queryRaw<Array<{ series: string; date: string; lexicon: unknown; ruleValues: string; n: unknown }>>(sql`
    SELECT g."series", g."date", p."lexicon", p."ruleValues", g."n"
    FROM (
      SELECT ${key} AS "series", "date", "Statement"."scoringId" AS "pair", COUNT(*) AS "n"
      FROM ${statementsFor(filters)} ${whereAnd(whereSql(filters, { charted: false }), sql`"date" IS NOT NULL AND ${key} IN (${join(seriesKeys)})`)}
      GROUP BY ${key}, "date", "Statement"."scoringId"
    ) g JOIN "Scoring" p ON p."scoringId" = g."pair"`);
  return rows.map((r) => ({ series: r.series, date: r.date, lexicon: num(r.lexicon), ruleValues: r.ruleValues, statements: num(r.n) }));
}

/** A statement as a list of label changes shows it. */
export interface ScoredStatementSummary {
  id: string;
  date: ISODate | null;
  speaker: string | null;
  score: number;
  /** The start of its words. */
  text: string;
  lexicon: number;
  ruleValues: string;
  label: Label;
}

/** Up to `limit` filtered statements in any of `groups` (same lexicon value, rule hits and label). */
export async function queryStatementsInGroups(db: Db, filters: Filters, groups: ScoringGroup[], limit: number): Promise<ScoredStatementSummary[]> {
  if (groups.length === 0 || limit <= 0) return [];
  const inGroups = sql`("lexicon", "ruleValues", "label") IN (VALUES ${join(groups.map((g) => sql`(CAST(${g.lexicon} AS DOUBLE PRECISION), ${g.ruleValues}, ${g.label})`))})`;
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
    SELECT "id", "date", "speaker", "score", SUBSTR("text", 1, ${QUOTE_CHARS + 1}) AS "text", "lexicon", "ruleValues", "label"
    FROM ${SCORED_STATEMENTS} ${whereAnd(whereSql(filters, { charted: false }), inGroups)}
    LIMIT ${limit}`);
  return rows.map((r) => ({
    id: String(r.id),
    date: str(r.date),
    speaker: str(r.speaker),
    score: num(r.score),
    text: String(r.text),
    lexicon: num(r.lexicon),
    ruleValues: String(r.ruleValues),
    label: String(r.label) as Label,
  }));
}

/** How many stored statements each rule fires on (rules that never fire are absent). */
export async function ruleFireCounts(db: Db): Promise<Record<string, number>> {
  const rows =
    providerOf(db) === "postgresql"
      ? await db.$queryRaw<Array<{ rule: string; n: unknown }>>(sql`
          SELECT h->>'rule' AS "rule", COUNT(DISTINCT s."id") AS "n"
          FROM "Statement" s CROSS JOIN LATERAL jsonb_array_elements(s."features"->'hits') h
          GROUP BY 1`)
      : await db.$queryRaw<Array<{ rule: string; n: unknown }>>(sql`
          SELECT json_extract(h.value, '$.rule') AS "rule", COUNT(DISTINCT s."id") AS "n"
          FROM "Statement" s, json_each(s."features", '$.hits') h
          GROUP BY 1`);
  return Object.fromEntries(rows.map((r) => [r.rule, num(r.n)]));
}
