// Read side of the dashboard: filters → SQL, aggregated in the database. The same
// SQL runs on SQLite and PostgreSQL (Prisma renders the placeholders per provider);
// only portable functions are used (AVG, COUNT, window ROW_NUMBER, LOWER, SUBSTR).
import { providerOf, type Db } from "./db";
import { Prisma } from "./generated/prisma/sqlite/client";
import { dyadLabel, DYAD_SEPARATOR, type Filters, type TableOptions } from "./filters";
import { explainContributions, strongestEvidence, type ExplainedContribution } from "./explain";
import { speakerKey } from "./merge";
import { round2, shortQuote, type PointQuote, type SeriesInfo, type SeriesPoint } from "./series";
import { contributionsOf, weightSetsByVersion } from "./store";
import type { DateRange, Features, ISODate, Label, RuleHit, WeightSet } from "./types";

const sql = Prisma.sql;
const join = Prisma.join;

/** Quotes shown per data point in the chart's tooltip. */
export const QUOTES_PER_POINT = 3;
const QUOTE_CHARS = 160;

/** The SQL expression naming a statement's series. */
function seriesKey(filters: Filters): Prisma.Sql {
  // The separator is a literal, not a parameter: PostgreSQL matches GROUP BY expressions
  // textually, and two parameters ($1, $2) with equal values are different expressions.
  return filters.by === "dyad" ? sql`("speakerCountry" || ${Prisma.raw(`'${DYAD_SEPARATOR}'`)} || "target")` : sql`"speakerKey"`;
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
  if (filters.dyads.length) {
    const pairs = filters.dyads.map(
      (d) => sql`(LOWER("speakerCountry") = ${d.country.toLowerCase()} AND LOWER("target") = ${d.target.toLowerCase()})`,
    );
    conditions.push(sql`(${join(pairs, " OR ")})`);
  }
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
}

/** The busiest `filters.top` series and their daily mean scores. */
/**
 * The chart reads the daily rollup (lib/rollup.ts) unless a filter looks inside statements
 * (label, text search): then it aggregates the statements themselves. Both give the same numbers.
 */
function chartSource(filters: Filters) {
  if (filters.labels.length === 0 && !filters.q) {
    return {
      table: sql`"SeriesDay"`,
      statements: sql`SUM("statements")`,
      index: sql`SUM("scoreSum") / SUM("statements")`,
      min: sql`MIN("scoreMin")`,
      max: sql`MAX("scoreMax")`,
    };
  }
  return { table: sql`"Statement"`, statements: sql`COUNT(*)`, index: sql`AVG("score")`, min: sql`MIN("score")`, max: sql`MAX("score")` };
}

export async function querySeries(db: Db, filters: Filters): Promise<SeriesResult> {
  const key = seriesKey(filters);
  const where = whereSql(filters, { charted: true });
  const from = chartSource(filters);
  // Ranking counts statements only; a series' days are counted from its points below.
  const ranked = await db.$queryRaw<Array<{ key: string; speaker: string | null; n: unknown }>>(sql`
    SELECT ${key} AS "key", MAX("speaker") AS "speaker", ${from.statements} AS "n"
    FROM ${from.table} ${where}
    GROUP BY ${key}
    ORDER BY ${from.statements} DESC, ${key} ASC`);
  const top = ranked.slice(0, filters.top);
  const series: SeriesInfo[] = top.map((r) => ({
    key: r.key,
    label: filters.by === "dyad" ? dyadLabelOf(r.key) : (r.speaker ?? r.key),
    statements: num(r.n),
    days: 0,
  }));
  if (series.length === 0) return { series, points: [], omittedSeries: 0, chartedStatements: 0 };

  const rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
    SELECT "date", ${key} AS "series",
      CASE WHEN COUNT(DISTINCT "speakerKey") = 1 THEN MAX("speaker") END AS "speaker",
      CASE WHEN COUNT(DISTINCT "speakerCountry") = 1 THEN MAX("speakerCountry") END AS "speakerCountry",
      CASE WHEN COUNT(DISTINCT "target") = 1 THEN MAX("target") END AS "target",
      ${from.index} AS "index", ${from.statements} AS "statements", ${from.min} AS "min", ${from.max} AS "max"
    FROM ${from.table} ${where} AND ${key} IN (${join(series.map((s) => s.key))})
    GROUP BY "date", ${key}
    ORDER BY "date" ASC, ${key} ASC`);
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
  for (const info of series) info.days = points.filter((p) => p.series === info.key).length;
  return {
    series,
    points,
    omittedSeries: ranked.length - top.length,
    chartedStatements: series.reduce((sum, s) => sum + s.statements, 0),
  };
}

function dyadLabelOf(key: string): string {
  const [country, target] = key.split(DYAD_SEPARATOR);
  return dyadLabel({ country, target });
}

/**
 * Statements singled out for the chart, ranked by distance from neutral:
 * - `per: "extreme"`: per series, its most hostile and its most conciliatory statement
 *   (neutral ones are never singled out)
 *   (the two ends of its swing; among equals the most widely reported, then the latest);
 * - `per: "point"`: per data point, the strongest few (the tooltip's quotes).
 */
export async function queryPointQuotes(db: Db, filters: Filters, seriesKeys: string[], per: "extreme" | "point"): Promise<PointQuote[]> {
  if (seriesKeys.length === 0) return [];
  const key = seriesKey(filters);
  const sourceCount = sql`(SELECT COUNT(*) FROM "StatementSource" ss WHERE ss."statementId" = "Statement"."id")`;
  const window =
    per === "extreme"
      ? sql`PARTITION BY ${key}, CASE WHEN "score" < 0 THEN 0 ELSE 1 END ORDER BY ABS("score") DESC, ${sourceCount} DESC, "date" DESC, "id" ASC`
      : sql`PARTITION BY ${key}, "date" ORDER BY ABS("score") DESC, "id" ASC`;
  const keep = per === "extreme" ? 1 : QUOTES_PER_POINT;
  const nonNeutral = per === "extreme" ? sql`AND "label" <> 'neutral'` : Prisma.empty;
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
    SELECT "id", "series", "date", "score", "label", "text", "features", "weightVersion" FROM (
      SELECT "id", ${key} AS "series", "date", "score", "label", SUBSTR("text", 1, ${QUOTE_CHARS + 1}) AS "text",
        "features", "weightVersion", ROW_NUMBER() OVER (${window}) AS "rank"
      FROM "Statement" ${whereSql(filters, { charted: true })} AND ${key} IN (${join(seriesKeys)}) ${nonNeutral}
    ) ranked
    WHERE "rank" <= ${keep}
    ORDER BY "series", "date", "score"`);
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
}

/**
 * The statement table's order as terms that are never NULL and end with the id, so that the
 * order is total and a page can continue after the last row of the previous one (keyset).
 * A statement known only to a range sorts by its range's end; unknown days go last either way.
 */
function sortTerms(table: Pick<TableOptions, "sort" | "dir">): SortTerm[] {
  const dir = table.dir === "asc" ? "ASC" : "DESC";
  const id: SortTerm = { expr: sql`"id"`, dir: "ASC" };
  switch (table.sort) {
    case "score":
      return [{ expr: sql`"score"`, dir }, id];
    case "speaker":
      return [{ expr: sql`CASE WHEN "speakerKey" = '' THEN 1 ELSE 0 END`, dir: "ASC" }, { expr: sql`"speakerKey"`, dir }, { expr: sql`"sortDay"`, dir: "DESC" }, id];
    case "sources":
      return [{ expr: sql`(SELECT COUNT(*) FROM "StatementSource" ss WHERE ss."statementId" = "Statement"."id")`, dir }, id];
    case "date":
      // "" (unknown) is the smallest day: last in descending order without a flag column.
      return dir === "DESC" ? [{ expr: sql`"sortDay"`, dir }, id] : [{ expr: sql`CASE WHEN "sortDay" = '' THEN 1 ELSE 0 END`, dir: "ASC" }, { expr: sql`"sortDay"`, dir }, id];
  }
}

function orderSql(terms: SortTerm[]): Prisma.Sql {
  return join(terms.map((t) => sql`${t.expr} ${Prisma.raw(t.dir)}`), ", ");
}

/** Rows strictly after `last` (the previous page's last sort values) in the order of `terms`. */
function afterSql(terms: SortTerm[], last: unknown[]): Prisma.Sql {
  const alternatives = terms.map((term, i) => {
    const equal = terms.slice(0, i).map((t, j) => sql`${t.expr} = ${last[j]}`);
    const beyond = sql`${term.expr} ${Prisma.raw(term.dir === "ASC" ? ">" : "<")} ${last[i]}`;
    return sql`(${join([...equal, beyond], " AND ")})`;
  });
  return sql`(${join(alternatives, " OR ")})`;
}

export async function countStatements(db: Db, filters: Filters): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: unknown }>>(sql`SELECT COUNT(*) AS "n" FROM "Statement" ${whereSql(filters, { charted: false })}`);
  return num(row?.n);
}

const viewInclude = {
  sources: {
    include: { article: { select: { title: true, source: true, url: true, published: true, path: true } } },
    orderBy: { id: "asc" },
  },
} as const satisfies Prisma.StatementInclude;
type ViewRow = Prisma.StatementGetPayload<{ include: typeof viewInclude }>;

function toView(row: ViewRow, weights: Map<number, WeightSet>): StatementView {
  const features = row.features as unknown as Features;
  const contributions = contributionsOf(features, weights, row.weightVersion);
  return {
    id: row.id,
    date: row.date,
    dateRange: row.dateFrom && row.dateTo ? { from: row.dateFrom, to: row.dateTo } : null,
    speaker: row.speaker,
    speakerCountry: row.speakerCountry,
    target: row.target,
    text: row.text,
    context: row.context,
    score: row.score,
    label: row.label as Label,
    cameo: row.cameo,
    weightVersion: row.weightVersion,
    contributions: explainContributions(contributions, features),
    evidence: features.hits,
    sources: row.sources.map((s) => ({
      quote: s.quote,
      context: s.context,
      dateRange: s.dateFrom && s.dateTo ? { from: s.dateFrom, to: s.dateTo } : null,
      article: s.article,
    })),
  };
}

/** One page of the filtered statements, in table order, with their sources and explanations. */
export async function queryStatements(db: Db, filters: Filters, table: TableOptions): Promise<{ total: number; rows: StatementView[] }> {
  const [total, ids] = await Promise.all([
    countStatements(db, filters),
    db.$queryRaw<Array<{ id: string }>>(sql`
      SELECT "id" FROM "Statement" ${whereSql(filters, { charted: false })}
      ORDER BY ${orderSql(sortTerms(table))}
      LIMIT ${table.limit} OFFSET ${table.offset}`),
  ]);
  return { total, rows: await viewsOf(db, ids.map((r) => r.id)) };
}

/** Statements with their sources and explanations, in the order of `ids`. */
async function viewsOf(db: Db, ids: string[]): Promise<StatementView[]> {
  if (ids.length === 0) return [];
  const [found, weights] = await Promise.all([db.statement.findMany({ where: { id: { in: ids } }, include: viewInclude }), weightSetsByVersion(db)]);
  const byId = new Map(found.map((row) => [row.id, row]));
  return ids
    .map((id) => byId.get(id))
    .filter((row): row is ViewRow => row !== undefined)
    .map((row) => toView(row, weights));
}

/**
 * Every filtered statement in table order, a page at a time (for streaming exports). Each page
 * continues after the previous one's last sort values (keyset), so a page costs the same at row
 * one million as at row one, and rows stored meanwhile neither repeat nor shift others out.
 */
export async function* iterateStatements(db: Db, filters: Filters, table: Omit<TableOptions, "limit" | "offset">, pageSize = 1000): AsyncGenerator<StatementView[]> {
  const terms = sortTerms(table);
  const keys = join(terms.map((t, i) => sql`${t.expr} AS ${Prisma.raw(`"k${i}"`)}`), ", ");
  const where = whereSql(filters, { charted: false });
  let last: unknown[] | null = null;
  for (;;) {
    const after: Prisma.Sql = last ? (where === Prisma.empty ? sql`WHERE ${afterSql(terms, last)}` : sql`${where} AND ${afterSql(terms, last)}`) : where;
    const page: Array<Record<string, unknown>> = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
      SELECT ${keys} FROM "Statement" ${after}
      ORDER BY ${orderSql(terms)}
      LIMIT ${pageSize}`);
    if (page.length === 0) return;
    yield await viewsOf(db, page.map((r) => String(r[`k${terms.length - 1}`])));
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

/** Speakers and dyads in the store, busiest first, with the span of known dates. */
export async function filterChoices(db: Db, limit = 200): Promise<FilterChoices> {
  const [speakers, dyads, span] = await Promise.all([
    db.$queryRaw<Array<{ name: string; n: unknown }>>(sql`
      SELECT MAX("speaker") AS "name", COUNT(*) AS "n" FROM "Statement" WHERE "speakerKey" <> ''
      GROUP BY "speakerKey" ORDER BY COUNT(*) DESC, "speakerKey" ASC LIMIT ${limit}`),
    db.$queryRaw<Array<{ country: string; target: string; n: unknown }>>(sql`
      SELECT "speakerCountry" AS "country", "target", COUNT(*) AS "n" FROM "Statement"
      WHERE "speakerCountry" IS NOT NULL AND "target" IS NOT NULL
      GROUP BY "speakerCountry", "target" ORDER BY COUNT(*) DESC, "speakerCountry", "target" LIMIT ${limit}`),
    db.$queryRaw<Array<{ first: string | null; last: string | null; n: unknown }>>(sql`
      SELECT MIN(COALESCE("date", "dateFrom")) AS "first", MAX(COALESCE("date", "dateTo")) AS "last", COUNT(*) AS "n" FROM "Statement"`),
  ]);
  return {
    speakers: speakers.map((r) => ({ name: r.name, statements: num(r.n) })),
    dyads: dyads.map((r) => ({ country: r.country, target: r.target, statements: num(r.n) })),
    firstDate: span[0]?.first ?? null,
    lastDate: span[0]?.last ?? null,
    statements: num(span[0]?.n),
  };
}

// ---------------------------------------------------------------------------
// What re-scoring needs: stored features, never the text's NLP

/** A statement reduced to what re-scoring it needs (see queryScoringInputs). */
export interface ScoringInput {
  id: string;
  date: ISODate | null;
  /** Series key (as in the chart), null or "" when the statement belongs to no series. */
  series: string | null;
  score: number;
  label: Label;
  lexicon: number;
  /** Statement.ruleValues: rule hits as "rule=value;rule=value". */
  ruleValues: string;
}

/**
 * Every statement matching the filters with its current score and what scoring reads (the
 * narrow lexicon and ruleValues columns, served by a covering index).
 */
export async function queryScoringInputs(db: Db, filters: Filters): Promise<ScoringInput[]> {
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
    SELECT "id", "date", ${seriesKey(filters)} AS "series", "score", "label", "lexicon", "ruleValues"
    FROM "Statement" ${whereSql(filters, { charted: false })}`);
  return rows.map((r) => ({
    id: r.id as string,
    date: r.date as string | null,
    series: r.series as string | null,
    score: num(r.score),
    label: r.label as Label,
    lexicon: num(r.lexicon),
    ruleValues: r.ruleValues as string,
  }));
}

/** Day, speaker and the start of the words of the given statements (for lists of examples). */
export async function queryStatementSummaries(db: Db, ids: string[]): Promise<Map<string, { date: ISODate | null; speaker: string | null; text: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
    SELECT "id", "date", "speaker", SUBSTR("text", 1, ${QUOTE_CHARS + 1}) AS "text" FROM "Statement" WHERE "id" IN (${join(ids)})`);
  return new Map(rows.map((r) => [String(r.id), { date: str(r.date), speaker: str(r.speaker), text: String(r.text) }]));
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
